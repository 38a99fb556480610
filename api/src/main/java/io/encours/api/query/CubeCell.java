package io.encours.api.query;

import io.encours.api.security.CallerScope;
import io.encours.api.security.Role;
import io.encours.api.web.error.BadParameterException;
import io.encours.api.web.error.OutOfScopeException;
import io.encours.api.web.params.Params;
import io.encours.api.web.params.Segment;
import java.util.List;

/**
 * The cell of the cube tables (financial.md "Cube keys": {@code entity_key}, {@code segment_key},
 * {@code collector_key}, {@code *} = all) that a request reads, after the caller's scope:
 *
 * <ul>
 *   <li>{@code entities}: empty = the group ({@code entity_key = '*'}); one = that entity's cell;
 *       several = the per-entity cells to re-aggregate ({@link #consolidated()}): the API sums
 *       the additive components and divides, never averages ratios. An ENTITY_CFO without an
 *       {@code entity} parameter gets its own entities (its "group").</li>
 *   <li>{@code segment}: null = {@code *}.</li>
 *   <li>{@code collector}: null = {@code *}; a COLLECTOR always gets its own id (its portfolio:
 *       the debtors whose current collector it is); {@code UNASSIGNED} reads the cell of the
 *       debtors without collector.</li>
 * </ul>
 */
public record CubeCell(List<String> entities, String segment, String collector) {

    /** The "all" marker of a cube key. */
    public static final String ALL = "*";
    /** The collector key of the debtors without collector. */
    public static final String UNASSIGNED = "UNASSIGNED";

    public CubeCell {
        entities = List.copyOf(entities);
    }

    /**
     * The cell of a table keyed by (entity, segment, collector). Out-of-scope values are 403,
     * unknown ones 404, malformed ones 400 (see {@link CallerScope}).
     */
    public static CubeCell of(CallerScope scope, List<String> entity, Segment segment, String collector) {
        List<String> entities = entities(scope, entity);
        String requested = Params.id("collector", collector);
        String effective;
        if (UNASSIGNED.equals(requested) && scope.role() != Role.COLLECTOR) {
            effective = UNASSIGNED;
        } else {
            effective = scope.collector(requested);
        }
        return new CubeCell(entities, segment == null ? null : segment.name(), effective);
    }

    /**
     * The cell of a table without collector key (benchmarks, forecast): 403 for a COLLECTOR
     * (such a table cannot be restricted to its portfolio).
     */
    public static CubeCell withoutCollector(CallerScope scope, List<String> entity, Segment segment) {
        if (scope.role() == Role.COLLECTOR) {
            throw new OutOfScopeException("this data is not broken down by collector, so it is not available to the "
                    + scope.role() + " role");
        }
        return new CubeCell(entities(scope, entity), segment == null ? null : segment.name(), null);
    }

    /**
     * 400 for a {@code debtor} filter on a metric that is not published per debtor (only the DSO
     * at T and the aged balance are): ignoring it would answer with the group's figures.
     */
    public static void rejectDebtor(String debtor) {
        if (debtor != null) {
            throw new BadParameterException("debtor", "this metric is not published per debtor "
                    + "(per-debtor figures: /dso?debtor= and /aged-balance?groupBy=debtor)");
        }
    }

    private static List<String> entities(CallerScope scope, List<String> entity) {
        List<String> entities = scope.entities(Params.ids("entity", entity));
        if (!scope.allEntities() && entities.isEmpty()) {
            throw new OutOfScopeException("no entity is in your scope");
        }
        return entities;
    }

    /** Several entities: the per-entity components are summed and the ratios recomputed. */
    public boolean consolidated() {
        return entities.size() > 1;
    }

    /**
     * 400 when several entities would have to be consolidated for a figure that cannot be (e.g.
     * countback DSO, forecast backtest): one entity or the group only.
     */
    public CubeCell requireSingleEntity(String what) {
        if (consolidated()) {
            throw new BadParameterException("entity", what + " cannot be consolidated over several entities ("
                    + String.join(", ", entities) + "): ask for one entity");
        }
        return this;
    }

    /** Adds {@code entity_key} and {@code segment_key} conditions (no collector key). */
    public SqlFilter entitySegment(SqlFilter where) {
        if (entities.isEmpty()) {
            where.eq("entity_key", ALL);
        } else {
            where.in("entity_key", entities);
        }
        return where.eq("segment_key", segment == null ? ALL : segment);
    }

    /** Adds the three key conditions. */
    public SqlFilter keys(SqlFilter where) {
        return entitySegment(where).eq("collector_key", collector == null ? ALL : collector);
    }

    /** A fresh filter with the three key conditions. */
    public SqlFilter keys() {
        return keys(SqlFilter.create());
    }
}
