package io.encours.api.me;

import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.security.CallerScope;
import java.util.List;

/** The SQL of the me feature: the dimension rows the caller's scope lets it pick. */
final class MeQueries {

    static final String ENTITIES = """
            SELECT entity_id, name
            FROM dim_entities
            {where}
            ORDER BY entity_id
            """;

    /** First parameter: whether person names may be shown. */
    static final String COLLECTORS = """
            SELECT collector_id, CASE WHEN ? THEN name END AS name
            FROM dim_collectors
            {where}
            ORDER BY collector_id
            """;

    private MeQueries() {
    }

    static MeResponse me(Snapshot snapshot, CallerScope scope) {
        SqlFilter entities = SqlFilter.create();
        if (!scope.allEntities() && scope.allowedEntities().isEmpty()) {
            // An ENTITY_CFO whose list resolved to nothing sees no entity (an empty IN adds no condition).
            entities.condition("FALSE");
        } else if (!scope.allEntities()) {
            entities.in("entity_id", scope.allowedEntities());
        }
        SqlFilter collectors = SqlFilter.create().eq("collector_id", scope.ownCollector());
        List<MeResponse.EntityRef> entityRows = snapshot.list(entities.applyTo(ENTITIES), MeResponse.EntityRef.class,
                entities.params());
        List<MeResponse.CollectorRef> collectorRows = snapshot.list(collectors.applyTo(COLLECTORS),
                MeResponse.CollectorRef.class, prepend(scope.namesAllowed(), collectors.params()));
        return new MeResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(), scope.user(), scope.role(),
                scope.ownCollector(), entityRows, collectorRows);
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
