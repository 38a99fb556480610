package io.encours.api.me;

import io.encours.api.query.Snapshot;
import io.encours.api.security.CallerScope;
import io.encours.api.web.ApiMedia;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: the caller's identity and scope, so that a client (the built-in
 * dashboard) lays itself out for the role instead of probing endpoints for 403s. Open to all
 * four roles: it tells a caller only about itself and what it may already see.
 */
@RestController
@Tag(name = "Meta")
class MeController {

    @GetMapping(path = "/api/v1/me", produces = ApiMedia.JSON)
    @Operation(summary = "Who am I", description = """
            The authenticated user, its role and scope: an ENTITY_CFO's entities, a COLLECTOR's own collector \
            id; entities lists what the caller may filter on (with names), collectors whose data it may ask \
            for (an ANALYST gets no names). JSON only.""")
    public MeResponse me(Snapshot snapshot, CallerScope scope) {
        return MeQueries.me(snapshot, scope);
    }
}
