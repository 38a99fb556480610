package io.encours.api.me;

import io.encours.api.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/me}: who the caller is and what it may pick in filters. The ids come from
 * the served run's dimension tables (a demo user's scope is resolved against them), hence the
 * stamp.
 */
public record MeResponse(
        @Schema(description = "Date of the receivables snapshot of the served run", example = "2025-06-30")
        LocalDate snapshotDate,
        @Schema(description = "Id of the served run", example = "20250701T060000Z")
        String runId,
        @Schema(description = "User name (Basic) or the token's name claim", example = "cfo")
        String user,
        Role role,
        @Schema(description = "COLLECTOR: its own collector id; null for the other roles", example = "COL-001")
        String collectorId,
        @Schema(description = "The entities the caller may filter on: an ENTITY_CFO's own, every entity otherwise")
        List<EntityRef> entities,
        @Schema(description = "The collectors whose data the caller may ask for: a COLLECTOR itself only; "
                + "names null for an ANALYST")
        List<CollectorRef> collectors) {

    /** An entity of the group (its own company names are not personal data). */
    public record EntityRef(@Schema(example = "ENT-01") String entityId,
            @Schema(example = "Hexagone Industrie SAS") String name) {
    }

    /** A collector; {@code name} is null for an ANALYST (no person names). */
    public record CollectorRef(@Schema(example = "COL-001") String collectorId,
            @Schema(example = "Léa Colin") String name) {
    }
}
