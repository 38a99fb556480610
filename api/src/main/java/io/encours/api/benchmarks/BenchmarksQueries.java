package io.encours.api.benchmarks;

import io.encours.api.benchmarks.BenchmarksResponse.Point;
import io.encours.api.query.CubeCell;
import io.encours.api.query.Ratios;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.web.params.MonthRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The SQL of the benchmarks (fin_benchmarks). */
final class BenchmarksQueries {

    /**
     * One row per national figure; several entities: numerators, denominators and the year's sales
     * summed (the sales only when every entity has them).
     */
    static final String POINTS = """
            SELECT period, period_start, period_end, source, scope_type, scope, any_value(comparable_segment)
                     AS comparable_segment, any_value(national) AS national, max(ours) AS ours,
                   max(gap_days) AS gap_days, max(cash_at_stake) AS cash_at_stake,
                   sum(ours_numerator) AS ours_numerator, sum(ours_denominator) AS ours_denominator,
                   CASE WHEN count(sales_365) = count(*) THEN sum(sales_365) END AS sales365,
                   any_value(national_definition) AS definition, any_value(our_definition) AS our_definition
            FROM fin_benchmarks
            WHERE family = ? AND granularity = ? AND {and}
            GROUP BY period, period_start, period_end, source, scope_type, scope
            ORDER BY period_start, period, source, scope_type, scope""";

    record Row(String period, LocalDate periodStart, LocalDate periodEnd, String source, String scopeType,
            String scope, String comparableSegment, BigDecimal national, BigDecimal ours, BigDecimal gapDays,
            BigDecimal cashAtStake, BigDecimal oursNumerator, BigDecimal oursDenominator, BigDecimal sales365,
            String definition, String ourDefinition) {
    }

    private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);

    private BenchmarksQueries() {
    }

    static List<Point> points(Snapshot snapshot, CubeCell cell, String family, String granularity, MonthRange range) {
        SqlFilter where = cell.entitySegment(SqlFilter.create())
                .between("period_end", range.fromDate(), null)
                .between("period_start", null, range.toDate());
        Object[] params = new Object[where.params().length + 2];
        params[0] = family;
        params[1] = granularity;
        System.arraycopy(where.params(), 0, params, 2, where.params().length);
        return snapshot.list(where.applyTo(POINTS), Row.class, params).stream()
                .map(row -> cell.consolidated() ? consolidated(row) : point(row, row.ours(), row.gapDays(),
                        row.cashAtStake()))
                .toList();
    }

    /** financial.md: ours = Σnumerator / Σdenominator; cash at stake = max(0, ours − national) × Σsales_365 / 365. */
    private static Point consolidated(Row row) {
        BigDecimal ours = Ratios.divide(row.oursNumerator(), row.oursDenominator());
        BigDecimal gap = ours == null || row.national() == null ? null : ours.subtract(row.national());
        BigDecimal cash = gap == null || row.sales365() == null ? null
                : Ratios.divide(gap.max(BigDecimal.ZERO).multiply(row.sales365()), DAYS_IN_YEAR);
        return point(row, ours, gap, cash);
    }

    private static Point point(Row row, BigDecimal ours, BigDecimal gap, BigDecimal cash) {
        return new Point(row.period(), ours, row.national(), row.source(), row.scope(), row.definition(), cash, gap,
                row.scopeType(), row.comparableSegment(), row.ourDefinition(), row.periodStart(), row.periodEnd());
    }
}
