package io.encours.api.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.encours.api.config.DatabaseConfig;
import io.encours.api.meta.MetaController;
import io.encours.api.testing.Fixtures;
import io.encours.api.testing.ProbeController;
import io.encours.api.testing.TestWarehouse;
import io.encours.api.web.WebConfig;
import io.encours.api.web.error.ProblemHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** jwt mode: a bearer token signed with a test key; role and scope from the configured claims. */
@WebMvcTest(controllers = {MetaController.class, ProbeController.class},
        properties = {"encours.security.mode=jwt", "encours.security.jwt.roles-claim=groups",
            "encours.security.jwt.entities-claim=encours_entities"})
@Import({DatabaseConfig.class, SecurityConfig.class, WebConfig.class, ProblemHandler.class})
class JwtModeTest {

    private static final Path DIR = Fixtures.tempDir("encours-jwt");
    private static final TestWarehouse WAREHOUSE = TestWarehouse.at(DIR.resolve("warehouse"));
    private static final KeyPair KEYS;
    private static final Path PUBLIC_KEY = DIR.resolve("jwt.pem");

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
            Files.writeString(PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        WAREHOUSE.publish("20250701T060000Z", LocalDate.of(2025, 6, 30));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("encours.warehouse", () -> WAREHOUSE.root().toString());
        registry.add("encours.security.jwt.public-key-location", PUBLIC_KEY::toString);
    }

    @Autowired
    MockMvc mvc;

    private static String token(Map<String, Object> claims, Instant expires) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("u-1")
                .issueTime(new Date()).expirationTime(Date.from(expires));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return "Bearer " + jwt.serialize();
    }

    private static String token(Map<String, Object> claims) throws Exception {
        return token(claims, Instant.now().plusSeconds(300));
    }

    @Test
    void aValidTokenWithARoleReadsMetaAndGetsItsScope() throws Exception {
        String entityCfo = token(Map.of("preferred_username", "lyon", "groups", List.of("ROLE_ENTITY_CFO", "other"),
                "encours_entities", List.of("ENT-02", "ENT-03")));
        mvc.perform(get("/api/v1/meta").header("Authorization", entityCfo))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runId").value("20250701T060000Z"));
        mvc.perform(get("/api/v1/test/scope").header("Authorization", entityCfo))
                .andExpect(jsonPath("$.user").value("lyon"))
                .andExpect(jsonPath("$.entities[1]").value("ENT-03"));
        // Several entities: lists cover exactly them.
        mvc.perform(get("/api/v1/test/debtors").header("Authorization", entityCfo))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.rows[0].debtorId").value("D-002"));
        mvc.perform(get("/api/v1/test/debtors?entity=ENT-01").header("Authorization", entityCfo))
                .andExpect(status().isForbidden());
        String collector = token(Map.of("groups", "collector", "collector_id", "COL-02"));
        mvc.perform(get("/api/v1/test/scope").header("Authorization", collector))
                .andExpect(jsonPath("$.user").value("u-1"))
                .andExpect(jsonPath("$.collector").value("COL-02"));
    }

    @Test
    void theProtectedResourceMetadataItAdvertisesIsPublic() throws Exception {
        mvc.perform(get("/.well-known/oauth-protected-resource"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resource").exists());
    }

    @Test
    void noBadOrExpiredTokenIs401AndATokenWithoutRoleIs403() throws Exception {
        mvc.perform(get("/api/v1/meta"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/meta").header("Authorization", "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("invalid bearer token"));
        mvc.perform(get("/api/v1/meta").header("Authorization",
                        token(Map.of("groups", "GROUP_CFO"), Instant.now().minusSeconds(600))))
                .andExpect(status().isUnauthorized());
        // Basic credentials mean nothing in jwt mode.
        mvc.perform(get("/api/v1/meta").header("Authorization", Fixtures.basic("cfo", "cfo")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/meta").header("Authorization", token(Map.of("groups", "viewer"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // An ENTITY_CFO token without entities has no usable role.
        mvc.perform(get("/api/v1/meta").header("Authorization", token(Map.of("groups", "ENTITY_CFO"))))
                .andExpect(status().isForbidden());
    }
}
