package io.encours.api.security;

import java.io.Serializable;
import java.util.List;

/**
 * Who calls, as authentication established it (users file or JWT claims).
 *
 * @param entities ENTITY_CFO: the entity ids it may see (may hold {@link #SMALLEST}); else empty
 * @param collectorId COLLECTOR: its collector id (may be {@link #SMALLEST}); else null
 */
public record Caller(String name, Role role, List<String> entities, String collectorId) implements Serializable {

    /**
     * In a users file, stands for the smallest id in the served database (entity or collector);
     * resolved per request. Used by the demo users.
     */
    public static final String SMALLEST = "$smallest";

    public Caller {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
