package io.encours.api.forecast;

import io.encours.api.forecast.ForecastResponse.Point;
import io.encours.api.query.CubeCell;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the forecast (forecast_daily, forecast_periods, forecast_backtest*). */
final class ForecastQueries {

    /** The published horizon H: the last day_index of the group cell. */
    static final String HORIZON = """
            SELECT coalesce(max(day_index), 0) FROM forecast_daily WHERE entity_key = '*' AND segment_key = '*'""";

    /** Days; several entities: the daily cents summed (their range is not a range of the sum: null). */
    static final String DAYS = """
            SELECT day AS period_start, day AS period_end, sum(promised) AS promised, sum(invoices) AS invoices,
                   sum(total) AS total, max(low) AS low, max(high) AS high
            FROM forecast_daily
            WHERE day_index <= ? AND {and}
            GROUP BY day
            ORDER BY day""";

    static final String PERIODS = """
            SELECT period_start, period_end, sum(promised) AS promised, sum(invoices) AS invoices,
                   sum(total) AS total, max(low) AS low, max(high) AS high
            FROM forecast_periods
            WHERE granularity = ? AND period_start <= ? AND {and}
            GROUP BY period_index, period_start, period_end
            ORDER BY period_index""";

    /** A period cut by the requested horizon: the sums of its days inside it (no calibrated range). */
    static final String DAY_SUMS = """
            SELECT CAST(? AS DATE) AS period_start, CAST(? AS DATE) AS period_end,
                   coalesce(sum(promised), 0) AS promised, coalesce(sum(invoices), 0) AS invoices,
                   coalesce(sum(total), 0) AS total, CAST(NULL AS DECIMAL(18,2)) AS low,
                   CAST(NULL AS DECIMAL(18,2)) AS high
            FROM forecast_daily
            WHERE day >= ? AND day <= ? AND {and}""";

    static final String BACKTEST = """
            SELECT week, wape, baseline_wape, coverage, actual, forecast, baseline
            FROM forecast_backtest
            {where}
            ORDER BY week""";

    static final String SUMMARY = """
            SELECT cutoffs, first_cutoff, last_cutoff, wape, baseline_wape, wape_reduction, coverage,
                   month_coverage, range_level
            FROM forecast_backtest_summary
            {where}""";

    /** One row per day and component (promised, invoices) of the export. */
    static final String EXPORT = """
            WITH days AS (
              SELECT day, day_index, sum(promised) AS promised, sum(invoices) AS invoices
              FROM forecast_daily
              WHERE day_index <= ? AND {and}
              GROUP BY day, day_index)
            SELECT day, day_index AS "dayIndex", CAST(? AS VARCHAR) AS entity, CAST(? AS VARCHAR) AS segment,
                   component, CAST(amount AS DECIMAL(18,2)) AS amount
            FROM (SELECT day, day_index, 1 AS k, 'PROMISED' AS component, promised AS amount FROM days
                  UNION ALL
                  SELECT day, day_index, 2 AS k, 'INVOICES' AS component, invoices AS amount FROM days)
            ORDER BY day, k""";

    record Summary(Integer cutoffs, LocalDate firstCutoff, LocalDate lastCutoff, Double wape, Double baselineWape,
            Double wapeReduction, Double coverage, Double monthCoverage, Double rangeLevel) {
    }

    /** A row of the export (also the columns of the three file formats). */
    record ExportRow(LocalDate day, int dayIndex, String entity, String segment, String component,
            BigDecimal amount) {
    }

    private ForecastQueries() {
    }

    static int publishedHorizon(Snapshot snapshot) {
        return snapshot.first(HORIZON, Integer.class).orElse(0);
    }

    static List<Point> days(Snapshot snapshot, CubeCell cell, int horizon) {
        SqlFilter where = cell.entitySegment(SqlFilter.create());
        return withoutRangeIfConsolidated(cell,
                snapshot.list(where.applyTo(DAYS), Point.class, with(where, horizon)));
    }

    static List<Point> periods(Snapshot snapshot, CubeCell cell, String granularity, int horizon) {
        LocalDate t = snapshot.stamp().snapshotDate();
        LocalDate last = t.plusDays(horizon);
        SqlFilter where = cell.entitySegment(SqlFilter.create());
        List<Point> points = new ArrayList<>();
        for (Point p : snapshot.list(where.applyTo(PERIODS), Point.class, with(where, granularity, last))) {
            if (p.periodEnd().isAfter(last)) {
                points.add(snapshot.list(where.applyTo(DAY_SUMS), Point.class,
                        with(where, p.periodStart(), last, p.periodStart(), last)).get(0));
            } else {
                points.add(p);
            }
        }
        return withoutRangeIfConsolidated(cell, points);
    }

    static List<BacktestResponse.Horizon> backtest(Snapshot snapshot, CubeCell cell) {
        SqlFilter where = cell.entitySegment(SqlFilter.create());
        return snapshot.list(where.applyTo(BACKTEST), BacktestResponse.Horizon.class, where.params());
    }

    static Optional<Summary> summary(Snapshot snapshot, CubeCell cell) {
        SqlFilter where = cell.entitySegment(SqlFilter.create());
        return snapshot.first(where.applyTo(SUMMARY), Summary.class, where.params());
    }

    static List<ExportRow> export(Snapshot snapshot, CubeCell cell, int horizon) {
        SqlFilter where = cell.entitySegment(SqlFilter.create());
        return snapshot.list(where.applyTo(EXPORT), ExportRow.class, exportParams(cell, where, horizon));
    }

    /** The export query and its parameters, for DuckDB's COPY. */
    static Object[] exportParams(CubeCell cell, SqlFilter where, int horizon) {
        Object[] params = where.params();
        Object[] all = new Object[params.length + 3];
        all[0] = horizon;
        System.arraycopy(params, 0, all, 1, params.length);
        all[all.length - 2] = cell.entities().isEmpty() ? "ALL" : String.join("+", cell.entities());
        all[all.length - 1] = cell.segment() == null ? "ALL" : cell.segment();
        return all;
    }

    private static List<Point> withoutRangeIfConsolidated(CubeCell cell, List<Point> points) {
        if (!cell.consolidated()) {
            return points;
        }
        return points.stream().map(p -> new Point(p.periodStart(), p.periodEnd(), p.promised(), p.invoices(),
                p.total(), null, null)).toList();
    }

    /** {@code first…} then the filter's parameters. */
    private static Object[] with(SqlFilter where, Object... first) {
        Object[] params = where.params();
        Object[] all = new Object[first.length + params.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(params, 0, all, first.length, params.length);
        return all;
    }
}
