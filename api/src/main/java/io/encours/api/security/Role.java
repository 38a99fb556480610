package io.encours.api.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The four roles of API.md. */
public enum Role {
    /** Everything, consolidated or per entity. */
    GROUP_CFO,
    /** Only its listed entities; group totals restricted to them. */
    ENTITY_CFO,
    /** Only its own worklist, performance row and portfolio (its debtors). */
    COLLECTOR,
    /** Aggregated metrics and benchmarks; no debtor-level rows, no names. */
    ANALYST;

    public SimpleGrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** GROUP_CFO, group_cfo, ROLE_GROUP_CFO, group-cfo → GROUP_CFO; null if none. */
    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (v.startsWith("ROLE_")) {
            v = v.substring(5);
        }
        for (Role role : values()) {
            if (role.name().equals(v)) {
                return role;
            }
        }
        return null;
    }
}
