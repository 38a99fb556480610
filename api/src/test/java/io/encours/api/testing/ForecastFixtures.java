package io.encours.api.testing;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The forecast tables of docs/tables/forecast.md with a 10-day horizon (2025-07-01 … 07-10):
 * cells (*, *) = (ENT-01, *) + (ENT-02, *). Day i: ENT-01 invoices 600 + i, ENT-02 400, and a
 * promise of 100 on day 1 (ENT-01). Daily range ×0.8/×1.2, period range ×0.85/×1.15.
 */
final class ForecastFixtures {

    private ForecastFixtures() {
    }

    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE forecast_daily (day DATE, day_index INTEGER, horizon_week INTEGER, entity_key VARCHAR,
                  segment_key VARCHAR, promised DECIMAL(18,2), invoices DECIMAL(18,2), total DECIMAL(18,2),
                  low DECIMAL(18,2), high DECIMAL(18,2))""");
        s.execute("""
                INSERT INTO forecast_daily
                SELECT DATE '2025-06-30' + CAST(i AS INTEGER), i, CAST(ceil(i / 7.0) AS INTEGER), e, '*', p, inv, p + inv,
                       round((p + inv) * 0.8, 2), round((p + inv) * 1.2, 2)
                FROM (SELECT i, e,
                             CAST(CASE WHEN i = 1 AND e <> 'ENT-02' THEN 100 ELSE 0 END AS DECIMAL(18,2)) AS p,
                             CAST(CASE e WHEN 'ENT-01' THEN 600 + i WHEN 'ENT-02' THEN 400 ELSE 1000 + i END
                                  AS DECIMAL(18,2)) AS inv
                      FROM range(1, 11) AS r(i), (VALUES ('*'), ('ENT-01'), ('ENT-02')) AS c(e))""");
        s.execute("""
                CREATE TABLE forecast_periods (granularity VARCHAR, period_start DATE, period_end DATE,
                  period_index INTEGER, days INTEGER, entity_key VARCHAR, segment_key VARCHAR,
                  promised DECIMAL(18,2), invoices DECIMAL(18,2), total DECIMAL(18,2), low DECIMAL(18,2),
                  high DECIMAL(18,2))""");
        s.execute("""
                INSERT INTO forecast_periods
                SELECT g, min(day), max(day), k, count(*), entity_key, segment_key, sum(promised), sum(invoices),
                       sum(total), round(sum(total) * 0.85, 2), round(sum(total) * 1.15, 2)
                FROM (SELECT 'week' AS g, horizon_week AS k, * FROM forecast_daily
                      UNION ALL SELECT 'month', 1, * FROM forecast_daily)
                GROUP BY g, k, entity_key, segment_key""");
        s.execute("""
                CREATE TABLE forecast_backtest (entity_key VARCHAR, segment_key VARCHAR, week INTEGER,
                  cutoffs INTEGER, actual DECIMAL(18,2), forecast DECIMAL(18,2), baseline DECIMAL(18,2),
                  wape DOUBLE, baseline_wape DOUBLE, coverage DOUBLE, range_low_ratio DOUBLE,
                  range_high_ratio DOUBLE)""");
        s.execute("""
                INSERT INTO forecast_backtest VALUES
                ('*', '*', 1, 26, 1000, 1100, 1500, 0.123456, 0.5, 0.8461538462, 0.8, 1.2),
                ('*', '*', 2, 26, 2000, 1900, 2600, 0.15, 0.31, 0.80769, 0.79, 1.3),
                ('ENT-01', '*', 1, 26, 600, 650, 700, 0.2, 0.4, 0.75, 0.7, 1.4)""");
        s.execute("""
                CREATE TABLE forecast_backtest_summary (entity_key VARCHAR, segment_key VARCHAR, cutoffs INTEGER,
                  weeks INTEGER, first_cutoff DATE, last_cutoff DATE, wape DOUBLE, baseline_wape DOUBLE,
                  wape_reduction DOUBLE, weeks_better_than_baseline INTEGER, coverage DOUBLE,
                  month_coverage DOUBLE, range_level DOUBLE)""");
        s.execute("""
                INSERT INTO forecast_backtest_summary VALUES
                ('*', '*', 26, 13, '2024-10-07', '2025-03-31', 0.18229938, 0.52814980, 0.65483394, 13,
                 0.82248520, 0.79487179, 0.8)""");
    }
}
