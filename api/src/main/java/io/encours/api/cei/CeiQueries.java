package io.encours.api.cei;

import io.encours.api.cei.CeiResponse.Point;
import io.encours.api.query.CubeCell;
import io.encours.api.query.Ratios;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.web.params.MonthRange;
import java.util.List;

/** The SQL of the CEI (fin_cei). */
final class CeiQueries {

    static final String SERIES = """
            SELECT period, max(cei) AS cei, sum(collected) AS collected, sum(collectible) AS collectible
            FROM fin_cei
            {where}
            GROUP BY period
            ORDER BY period""";

    private CeiQueries() {
    }

    static List<Point> series(Snapshot snapshot, CubeCell cell, MonthRange range) {
        SqlFilter where = cell.keys().between("period", range.fromKey(), range.toKey());
        return snapshot.list(where.applyTo(SERIES), Point.class, where.params()).stream()
                .map(p -> cell.consolidated()
                        ? new Point(p.period(), Ratios.scaled(p.collected(), 100, p.collectible()), p.collected(),
                                p.collectible())
                        : p)
                .toList();
    }
}
