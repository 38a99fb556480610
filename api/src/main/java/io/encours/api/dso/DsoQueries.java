package io.encours.api.dso;

import io.encours.api.dso.DsoResponse.Point;
import io.encours.api.query.CubeCell;
import io.encours.api.query.Ratios;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.web.params.MonthRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The SQL of the DSO feature (fin_dso, fin_dso_countback and their per-debtor tables). */
final class DsoQueries {

    /** Standard DSO of a cell; several entities: the components summed per history date. */
    static final String STANDARD = """
            SELECT period, as_of AS period_end,
                   sum(receivables) AS receivables, sum(current_receivables) AS current_receivables,
                   sum(sales) AS sales, max(dso) AS dso, max(best_possible_dso) AS best_possible_dso,
                   max(average_days_delinquent) AS average_days_delinquent, count(*) AS cells
            FROM fin_dso
            WHERE window_days = ? AND {and}
            GROUP BY period, as_of
            ORDER BY as_of""";

    static final String COUNTBACK = """
            SELECT period, as_of AS period_end, receivables, dso, capped
            FROM fin_dso_countback
            {where}
            ORDER BY as_of""";

    static final String DEBTOR_STANDARD = """
            SELECT strftime(as_of, '%Y-%m') AS period, as_of AS period_end, receivables, current_receivables,
                   sales, dso, best_possible_dso, average_days_delinquent, 1 AS cells
            FROM fin_dso_debtor
            WHERE debtor_id = ? AND window_days = ?""";

    static final String DEBTOR_COUNTBACK = """
            SELECT strftime(as_of, '%Y-%m') AS period, as_of AS period_end, receivables, dso, capped
            FROM fin_dso_countback_debtor
            WHERE debtor_id = ?""";

    /** A row of the standard tables, before the consolidation. */
    record StandardRow(String period, LocalDate periodEnd, BigDecimal receivables, BigDecimal currentReceivables,
            BigDecimal sales, BigDecimal dso, BigDecimal bestPossibleDso, BigDecimal averageDaysDelinquent,
            long cells) {
    }

    record CountbackRow(String period, LocalDate periodEnd, BigDecimal receivables, BigDecimal dso, Boolean capped) {
    }

    private DsoQueries() {
    }

    static List<Point> standard(Snapshot snapshot, CubeCell cell, int window, MonthRange range) {
        SqlFilter where = cell.keys().between("period", range.fromKey(), range.toKey());
        Object[] params = prepend(window, where.params());
        return snapshot.list(where.applyTo(STANDARD), StandardRow.class, params).stream()
                .map(row -> cell.consolidated() ? consolidated(row, window) : published(row))
                .toList();
    }

    static List<Point> countback(Snapshot snapshot, CubeCell cell, MonthRange range) {
        SqlFilter where = cell.keys().between("period", range.fromKey(), range.toKey());
        return snapshot.list(where.applyTo(COUNTBACK), CountbackRow.class, where.params()).stream()
                .map(DsoQueries::countbackPoint)
                .toList();
    }

    /** A debtor's DSO at T; a debtor not listed has no receivable and no sales: DSO null. */
    static List<Point> debtorStandard(Snapshot snapshot, String debtorId, int window, MonthRange range) {
        LocalDate t = snapshot.stamp().snapshotDate();
        if (!range.contains(YearMonth.from(t))) {
            return List.of();
        }
        return List.of(snapshot.first(DEBTOR_STANDARD, StandardRow.class, debtorId, window)
                .map(DsoQueries::published)
                .orElse(new Point(YearMonth.from(t).toString(), t, null, null, null, BigDecimal.ZERO,
                        BigDecimal.ZERO, null)));
    }

    /** A debtor's countback DSO at T; not listed: 0. */
    static List<Point> debtorCountback(Snapshot snapshot, String debtorId, MonthRange range) {
        LocalDate t = snapshot.stamp().snapshotDate();
        if (!range.contains(YearMonth.from(t))) {
            return List.of();
        }
        return List.of(snapshot.first(DEBTOR_COUNTBACK, CountbackRow.class, debtorId)
                .map(DsoQueries::countbackPoint)
                .orElse(new Point(YearMonth.from(t).toString(), t, BigDecimal.ZERO, null, null, BigDecimal.ZERO,
                        null, false)));
    }

    private static Point published(StandardRow row) {
        return new Point(row.period(), row.periodEnd(), row.dso(), row.bestPossibleDso(),
                row.averageDaysDelinquent(), row.receivables(), row.sales(), null);
    }

    /** financial.md: Σreceivables × N / Σsales, null when Σsales ≤ 0 (and the same for BPDSO, ADD). */
    private static Point consolidated(StandardRow row, int window) {
        BigDecimal overdue = Ratios.orZero(row.receivables()).subtract(Ratios.orZero(row.currentReceivables()));
        return new Point(row.period(), row.periodEnd(),
                Ratios.scaledIfPositive(row.receivables(), window, row.sales()),
                Ratios.scaledIfPositive(row.currentReceivables(), window, row.sales()),
                Ratios.scaledIfPositive(overdue, window, row.sales()),
                row.receivables(), row.sales(), null);
    }

    private static Point countbackPoint(CountbackRow row) {
        return new Point(row.period(), row.periodEnd(), row.dso(), null, null, row.receivables(), null, row.capped());
    }

    static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
