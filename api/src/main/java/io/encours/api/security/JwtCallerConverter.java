package io.encours.api.security;

import io.encours.api.config.EncoursProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * JWT mode: the caller from configurable claims (defaults {@code roles}, {@code entities},
 * {@code collector_id}, {@code preferred_username} then {@code sub}). The role claim may be a
 * string or a list; exactly one Encours role must be in it, otherwise the caller has no role
 * and gets 403 on every analytics endpoint.
 */
public final class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final EncoursProperties.Jwt claims;

    public JwtCallerConverter(EncoursProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString(claims.nameClaim());
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : strings(jwt.getClaims().get(claims.rolesClaim()))) {
            Role role = Role.parse(value);
            if (role != null) {
                roles.add(role);
            }
        }
        Role role = roles.size() == 1 ? roles.iterator().next() : null;
        List<String> entities = strings(jwt.getClaims().get(claims.entitiesClaim()));
        String collector = jwt.getClaimAsString(claims.collectorClaim());
        if (role == Role.ENTITY_CFO && entities.isEmpty()) {
            role = null;
        }
        if (role == Role.COLLECTOR && (collector == null || collector.isBlank())) {
            role = null;
        }
        return new CallerAuthentication(new Caller(name == null ? "?" : name, role,
                role == Role.ENTITY_CFO ? entities : List.of(), role == Role.COLLECTOR ? collector : null));
    }

    /** A claim as strings: a list, or a string split on commas and spaces. */
    static List<String> strings(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof Collection<?> c) {
            for (Object o : c) {
                if (o != null && !o.toString().isBlank()) {
                    out.add(o.toString().trim());
                }
            }
        } else if (claim != null) {
            for (String part : claim.toString().split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
