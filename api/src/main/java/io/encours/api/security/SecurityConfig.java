package io.encours.api.security;

import io.encours.api.config.ConfigurationProblem;
import io.encours.api.config.EncoursProperties;
import io.encours.api.config.EncoursProperties.Mode;
import io.encours.api.web.error.ProblemResponses;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication and URL rules. Stateless (no session, no CSRF: no cookie is ever
 * authenticated), every endpoint authenticated but {@code /actuator/health} and the dashboard's
 * static files; the analytics ({@code /api/**}) need one of the four roles; finer rules
 * (entities, collector, debtor level) are the {@link CallerScope}'s. Modes:
 * <ul>
 *   <li>{@code demo}: HTTP Basic, users of {@code classpath:demo-users.yml};</li>
 *   <li>{@code basic}: HTTP Basic, users of {@code encours.security.users-file};</li>
 *   <li>{@code jwt}: OAuth2 resource server (bearer JWT), role and scope from claims.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);
    static final String DEMO_USERS = "demo-users.yml";
    static final String[] OPENAPI_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
        "/swagger-ui.html", "/swagger-ui/**"};
    /**
     * The dashboard's page, its assets and the chart library: static files holding no data (the
     * page logs in and reads everything through /api). Only ECharts' webjar: swagger-ui's stays
     * behind authentication like the rest of the OpenAPI UI.
     */
    static final String[] DASHBOARD_PATHS = {"/", "/index.html", "/assets/**", "/webjars/echarts/**"};

    @Bean
    ProblemResponses problemResponses(JsonMapper mapper) {
        return new ProblemResponses(mapper);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, EncoursProperties properties,
            ProblemResponses problems, org.springframework.core.env.Environment environment) throws Exception {
        EncoursProperties.Security security = properties.security();
        if (security.mode() == Mode.DEMO && !environment.matchesProfiles("demo")) {
            throw new ConfigurationProblem("demo mode (built-in users with known passwords) needs the demo profile",
                    "Pass --profile demo (bin/encours demo does), or use ENCOURS_SECURITY=basic with a users file");
        }
        boolean jwt = security.mode() == Mode.JWT;
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems, jwt);
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler(problems);
        String[] roles = java.util.Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    a.requestMatchers("/error").permitAll();
                    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    a.requestMatchers(DASHBOARD_PATHS).permitAll();
                    if (jwt) {
                        // RFC 9728 metadata, advertised in the Bearer challenge: public by design.
                        a.requestMatchers("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/**")
                                .permitAll();
                    }
                    if (properties.openapi().publicDocs()) {
                        a.requestMatchers(OPENAPI_PATHS).permitAll();
                    }
                    a.requestMatchers("/api/**").hasAnyRole(roles);
                    a.anyRequest().authenticated();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied));

        if (jwt) {
            JwtDecoder decoder = jwtDecoder(security.jwt());
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new JwtCallerConverter(security.jwt())))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(denied));
        } else {
            Map<String, UsersFile.User> users = users(security);
            DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetailsService(users));
            provider.setPasswordEncoder(new BCryptPasswordEncoder());
            http.authenticationProvider(security.credentialsCacheTtl().isZero() ? provider
                            : new CachingAuthenticationProvider(provider, security.credentialsCacheTtl(),
                                    java.time.Clock.systemUTC()))
                    .httpBasic(b -> b.realmName("encours").authenticationEntryPoint(entryPoint));
        }
        LOG.info("security: {} mode{}", security.mode().name().toLowerCase(java.util.Locale.ROOT),
                properties.openapi().publicDocs() ? ", OpenAPI docs public" : "");
        return http.build();
    }

    static Map<String, UsersFile.User> users(EncoursProperties.Security security) {
        if (security.mode() == Mode.DEMO) {
            return UsersFile.load(new ClassPathResource(DEMO_USERS));
        }
        if (security.usersFile() == null) {
            throw new ConfigurationProblem("basic mode needs a users file",
                    "Set ENCOURS_USERS_FILE or pass --users FILE; or use --profile demo for the demo users, "
                            + "or ENCOURS_SECURITY=jwt");
        }
        return UsersFile.load(new FileSystemResource(security.usersFile()));
    }

    static UserDetailsService userDetailsService(Map<String, UsersFile.User> users) {
        return username -> {
            UsersFile.User user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return new EncoursUser(user.caller(), user.passwordHash());
        };
    }

    static JwtDecoder jwtDecoder(EncoursProperties.Jwt jwt) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(blank(jwt.issuerUri()) ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(jwt.issuerUri()));
        if (!blank(jwt.audience())) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    aud -> aud != null && aud.contains(jwt.audience())));
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        if (jwt.publicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(jwt.publicKeyLocation())).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (!blank(jwt.jwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (!blank(jwt.issuerUri())) {
            // Discovered on first use, so the API starts even if the issuer is briefly down.
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(jwt.issuerUri());
                decoder.setJwtValidator(validator);
                return decoder;
            });
        }
        throw new ConfigurationProblem("jwt mode needs where the token signing keys come from",
                "Set ENCOURS_JWT_ISSUER_URI, ENCOURS_JWT_JWK_SET_URI or ENCOURS_JWT_PUBLIC_KEY "
                        + "(encours.security.jwt.issuer-uri, jwk-set-uri or public-key-location)");
    }

    private static RSAPublicKey readPublicKey(java.nio.file.Path location) {
        try (InputStream in = Files.newInputStream(location)) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationProblem("cannot read the JWT public key " + location + ": " + e.getMessage(),
                    "Give an RSA public key in PEM (-----BEGIN PUBLIC KEY-----)", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
