package io.encours.api.aging;

import io.encours.api.query.CubeCell;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SQL of the aged balance (fin_aged_balance, fin_aged_balance_debtor). */
final class AgedBalanceQueries {

    /** The history dates (dense in fin_dso: every month end, then T), newest first. */
    static final String HISTORY = """
            SELECT period, as_of FROM fin_dso
            WHERE entity_key = '*' AND segment_key = '*' AND collector_key = '*' AND window_days = 90
            ORDER BY as_of DESC""";

    private static final String BUCKETS = """
            sum(not_due) AS not_due, sum(days_1_30) AS days1to30, sum(days_31_60) AS days31to60,
            sum(days_61_90) AS days61to90, sum(days_91_180) AS days91to180, sum(over_180) AS over180,
            sum(total) AS total, sum(overdue) AS overdue, sum(in_dispute) AS in_dispute""";

    /** groupBy=total: always one row (zeros when the cell has no open document). */
    static final String TOTAL = """
            SELECT 'total' AS key, 'Total' AS label,
                   coalesce(sum(not_due), 0) AS not_due, coalesce(sum(days_1_30), 0) AS days1to30,
                   coalesce(sum(days_31_60), 0) AS days31to60, coalesce(sum(days_61_90), 0) AS days61to90,
                   coalesce(sum(days_91_180), 0) AS days91to180, coalesce(sum(over_180), 0) AS over180,
                   coalesce(sum(total), 0) AS total, coalesce(sum(overdue), 0) AS overdue,
                   coalesce(sum(in_dispute), 0) AS in_dispute
            FROM fin_aged_balance
            WHERE period = ? AND {and}""";

    /** Per entity: the entity cells (with the other keys at their filter). */
    static final String BY_ENTITY = "SELECT entity_key AS key, any_value(entity_name) AS label, " + BUCKETS + """

            FROM fin_aged_balance
            WHERE period = ? AND entity_key <> '*' AND {and}
            GROUP BY entity_key""";

    /** Per segment; several entities: the entity × segment cells summed. */
    static final String BY_SEGMENT = "SELECT segment_key AS key, segment_key AS label, " + BUCKETS + """

            FROM fin_aged_balance
            WHERE period = ? AND segment_key <> '*' AND {and}
            GROUP BY segment_key""";

    /** Per collector (label: its name; {@code labels} false → null). */
    static final String BY_COLLECTOR = "SELECT collector_key AS key, "
            + "CASE WHEN ? THEN any_value(collector_name) END AS label, " + BUCKETS + """

            FROM fin_aged_balance
            WHERE period = ? AND collector_key <> '*' AND {and}
            GROUP BY collector_key""";

    static final String BY_DEBTOR = """
            SELECT debtor_id AS key, debtor_name AS label, not_due, days_1_30 AS days1to30,
                   days_31_60 AS days31to60, days_61_90 AS days61to90, days_91_180 AS days91to180,
                   over_180 AS over180, total, overdue, in_dispute
            FROM fin_aged_balance_debtor
            WHERE period = ? AND {and}""";

    record HistoryDate(String period, LocalDate asOf) {
    }

    private AgedBalanceQueries() {
    }

    static List<HistoryDate> history(Snapshot snapshot) {
        return snapshot.list(HISTORY, HistoryDate.class);
    }

    static Optional<HistoryDate> find(List<HistoryDate> history, String period) {
        return history.stream().filter(h -> h.period().equals(period)).findFirst();
    }

    /** The filter of a cube grouping: the cell's keys, except the grouped one (set by the template). */
    static SqlFilter cubeFilter(CubeCell cell, AgedBalanceController.GroupBy groupBy) {
        SqlFilter where = SqlFilter.create();
        switch (groupBy) {
            case ENTITY -> {
                where.in("entity_key", cell.entities());
                where.eq("segment_key", orAll(cell.segment()));
                where.eq("collector_key", orAll(cell.collector()));
            }
            case SEGMENT -> {
                entity(where, cell);
                where.eq("segment_key", cell.segment());
                where.eq("collector_key", orAll(cell.collector()));
            }
            case COLLECTOR -> {
                entity(where, cell);
                where.eq("segment_key", orAll(cell.segment()));
                where.eq("collector_key", cell.collector());
            }
            default -> cell.keys(where);
        }
        return where;
    }

    private static void entity(SqlFilter where, CubeCell cell) {
        if (cell.entities().isEmpty()) {
            where.eq("entity_key", CubeCell.ALL);
        } else {
            where.in("entity_key", cell.entities());
        }
    }

    private static String orAll(String key) {
        return key == null ? CubeCell.ALL : key;
    }
}
