package io.encours.api.testing;

import java.sql.SQLException;
import java.sql.Statement;

/** The financial tables of docs/tables/financial.md, a few hand-chosen cells. */
final class FinancialFixtures {

    private FinancialFixtures() {
    }

    static void create(Statement s) throws SQLException {
        dso(s);
        agedBalance(s);
        delays(s);
        ceiAndUnpaidRate(s);
        benchmarks(s);
    }

    private static void ceiAndUnpaidRate(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE fin_cei (period VARCHAR, period_start DATE, period_end DATE, entity_key VARCHAR,
                  segment_key VARCHAR, collector_key VARCHAR, receivables_start DECIMAL(38,10), sales DECIMAL(38,10),
                  receivables_end DECIMAL(38,10), current_receivables_end DECIMAL(38,10), collected DECIMAL(38,10),
                  collectible DECIMAL(38,10), cei DECIMAL(38,10))""");
        s.execute("""
                INSERT INTO fin_cei SELECT p, CAST(p || '-01' AS DATE), last_day(CAST(p || '-01' AS DATE)), e, '*', c,
                       0, 0, 0, 0, col, cib, cei
                FROM (VALUES ('2025-05', '*', '*', 800, 1000, 80),
                             ('2025-06', '*', '*', 625.625, 1000, 62.5625),
                             ('2025-05', 'ENT-01', '*', 500, 600, 83.3333333333),
                             ('2025-06', 'ENT-01', '*', 0, 0, NULL),
                             ('2025-05', 'ENT-02', '*', 300, 400, 75),
                             ('2025-06', 'ENT-02', '*', 300, 450, 66.6666666667),
                             ('2025-05', '*', 'COL-01', 0, 0, NULL),
                             ('2025-06', '*', 'COL-01', 100, 200, 50)) AS v(p, e, c, col, cib, cei)""");
        s.execute("""
                CREATE TABLE fin_unpaid_rate (period VARCHAR, period_start DATE, period_end DATE, entity_key VARCHAR,
                  segment_key VARCHAR, collector_key VARCHAR, invoices BIGINT, amount_due DECIMAL(38,10),
                  amount_unpaid DECIMAL(38,10), unpaid_rate DECIMAL(38,10), final BOOLEAN, final_on DATE)""");
        s.execute("""
                INSERT INTO fin_unpaid_rate SELECT p, CAST(p || '-01' AS DATE), last_day(CAST(p || '-01' AS DATE)), e,
                       '*', c, n, due, unpaid, rate, fin, last_day(CAST(p || '-01' AS DATE)) + 90
                FROM (VALUES ('2025-03', '*', '*', 10, 1000, 12.345, 0.012345, true),
                             ('2025-04', '*', '*', 5, 500, 250, 0.5, false),
                             ('2025-07', '*', '*', 2, 200, 200, 1, false),
                             ('2025-03', 'ENT-01', '*', 6, 600, 12.345, 0.020575, true),
                             ('2025-04', 'ENT-01', '*', 0, 0, 0, NULL, false),
                             ('2025-03', 'ENT-02', '*', 4, 400, 0, 0, true),
                             ('2025-04', 'ENT-02', '*', 5, 500, 250, 0.5, false),
                             ('2025-03', '*', 'COL-01', 1, 100, 50, 0.5, true)) AS v(p, e, c, n, due, unpaid, rate, fin)""");
    }

    private static void benchmarks(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE fin_benchmarks (family VARCHAR, granularity VARCHAR, period VARCHAR, period_start DATE,
                  period_end DATE, entity_key VARCHAR, segment_key VARCHAR, scope_type VARCHAR, scope VARCHAR,
                  comparable_segment VARCHAR, source VARCHAR, national DECIMAL(38,10), ours DECIMAL(38,10),
                  gap_days DECIMAL(38,10), ours_numerator DECIMAL(38,10), ours_denominator DECIMAL(38,10),
                  sales_365 DECIMAL(38,10), sales_year_complete BOOLEAN, cash_at_stake DECIMAL(38,10),
                  ours_annual_360 DECIMAL(38,10), national_definition VARCHAR, our_definition VARCHAR, note VARCHAR)""");
        s.execute("""
                INSERT INTO fin_benchmarks
                SELECT f, g, p, ps, pe, e, '*', st, sc, NULL, src, nat, num / den, num / den - nat, num, den, sales,
                       sales IS NOT NULL, CASE WHEN sales IS NOT NULL THEN greatest(0, num / den - nat) * sales / 365 END,
                       NULL, 'def ' || src, 'our definition', NULL
                FROM (VALUES
                  ('DELAY', 'year', '2024', DATE '2024-01-01', DATE '2024-12-31', '*', 'ALL', 'France, all companies', 'Altares', 13, 1363.13522621, 100, 365000),
                  ('DELAY', 'year', '2024', DATE '2024-01-01', DATE '2024-12-31', '*', 'ALL', 'France, all companies', 'Ellisphere', 17.74, 1363.13522621, 100, 365000),
                  ('DELAY', 'quarter', '2025-Q2', DATE '2025-04-01', DATE '2025-06-30', '*', 'ALL', 'France, all companies', 'Altares', 14.1, 1609.9680415, 100, NULL),
                  ('DSO', 'year', '2023', DATE '2023-01-01', DATE '2023-12-31', '*', 'ALL', 'France, all companies', 'ODP 2024 report', 43, 6285, 100, NULL),
                  ('DELAY', 'year', '2024', DATE '2024-01-01', DATE '2024-12-31', 'ENT-01', 'ALL', 'France, all companies', 'Altares', 13, 1000, 50, 100000),
                  ('DELAY', 'year', '2024', DATE '2024-01-01', DATE '2024-12-31', 'ENT-02', 'ALL', 'France, all companies', 'Altares', 13, 600, 50, 200000)
                ) AS v(f, g, p, ps, pe, e, st, sc, src, nat, num, den, sales)""");
    }

    private static void delays(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE fin_delays (granularity VARCHAR, period VARCHAR, period_start DATE, period_end DATE,
                  entity_key VARCHAR, segment_key VARCHAR, collector_key VARCHAR, invoices_settled BIGINT,
                  amount_settled DECIMAL(38,10), invoices_paid_late BIGINT, days_late_total BIGINT,
                  amount_days_late DECIMAL(38,10), average_delay_days DECIMAL(38,10),
                  average_delay_days_by_count DECIMAL(38,10), share_paid_late DECIMAL(38,10),
                  open_overdue_eur DECIMAL(38,10), open_overdue_age_days DECIMAL(38,10))""");
        s.execute("""
                INSERT INTO fin_delays VALUES
                ('month', '2025-05', '2025-05-01', '2025-05-31', '*', '*', '*', 10, 1000, 4, 50, 12345.678, 12.345678, 5, 0.4, 0, NULL),
                ('month', '2025-06', '2025-06-01', '2025-06-30', '*', '*', '*', 3, 300, 1, 7, 700, 2.3333333333, 2.3333333333, 0.3333333333, 0, NULL),
                ('quarter', '2025-Q2', '2025-04-01', '2025-06-30', '*', '*', '*', 13, 1300, 5, 57, 13045.678, 10.0351369231, 4.3846153846, 0.3846153846, 0, NULL),
                ('month', '2025-05', '2025-05-01', '2025-05-31', 'ENT-01', '*', '*', 6, 600, 3, 30, 9000, 15, 5, 0.5, 0, NULL),
                ('month', '2025-06', '2025-06-01', '2025-06-30', 'ENT-01', '*', '*', 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL),
                ('month', '2025-05', '2025-05-01', '2025-05-31', 'ENT-02', '*', '*', 4, 400, 1, 20, 3345.678, 8.364195, 5, 0.25, 0, NULL),
                ('month', '2025-06', '2025-06-01', '2025-06-30', 'ENT-02', '*', '*', 3, 300, 1, 7, 700, 2.3333333333, 2.3333333333, 0.3333333333, 0, NULL),
                ('month', '2025-05', '2025-05-01', '2025-05-31', '*', '*', 'COL-01', 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL),
                ('month', '2025-06', '2025-06-01', '2025-06-30', '*', '*', 'COL-01', 1, 100, 1, 7, 700, 7, 7, 1, 0, NULL)""");
    }

    private static final String BUCKET_COLUMNS = "not_due DECIMAL(38,10), days_1_30 DECIMAL(38,10), "
            + "days_31_60 DECIMAL(38,10), days_61_90 DECIMAL(38,10), days_91_180 DECIMAL(38,10), "
            + "over_180 DECIMAL(38,10), total DECIMAL(38,10), overdue DECIMAL(38,10), in_dispute DECIMAL(38,10)";

    /** Buckets given as (not_due, 1-30, 31-60, 61-90, 91-180, >180, in_dispute); total and overdue computed. */
    private static final String BUCKETS_SELECT = "nd, b1, b2, b3, b4, b5, nd + b1 + b2 + b3 + b4 + b5, "
            + "b1 + b2 + b3 + b4 + b5, disp";

    private static void agedBalance(Statement s) throws SQLException {
        s.execute("CREATE TABLE fin_aged_balance (as_of DATE, period VARCHAR, entity_key VARCHAR, "
                + "segment_key VARCHAR, collector_key VARCHAR, entity_name VARCHAR, collector_name VARCHAR, "
                + BUCKET_COLUMNS + ")");
        s.execute("INSERT INTO fin_aged_balance SELECT CAST(a AS DATE), substr(a, 1, 7), e, sg, c, en, cn, "
                + BUCKETS_SELECT + " FROM (VALUES "
                + "('2025-05-31', '*', '*', '*', NULL, NULL, 400, 300, 200, 100, 0, 0, 0), "
                + "('2025-06-30', '*', '*', '*', NULL, NULL, 500, 300, 200, 100, 50, 84.565, 40), "
                + "('2025-06-30', 'ENT-01', '*', '*', 'Encours Paris', NULL, 300, 200, 100, 50, 25, 25, 10), "
                + "('2025-06-30', 'ENT-02', '*', '*', 'Encours Bruxelles', NULL, 100, 50, 100, 50, 25, 75, 30), "
                + "('2025-06-30', 'ENT-03', '*', '*', 'Encours Lyon', NULL, 100, 50, 0, 0, 0, -15.435, 0), "
                + "('2025-06-30', '*', 'MICRO', '*', NULL, NULL, 200, 150, 50, 0, 0, 0, 0), "
                + "('2025-06-30', '*', 'SME', '*', NULL, NULL, 100, 50, 100, 50, 25, 75, 30), "
                + "('2025-06-30', '*', 'PUBLIC', '*', NULL, NULL, 200, 100, 50, 50, 25, 9.565, 10), "
                + "('2025-06-30', 'ENT-01', 'MICRO', '*', 'Encours Paris', NULL, 200, 150, 50, 0, 0, 0, 0), "
                + "('2025-06-30', 'ENT-01', 'PUBLIC', '*', 'Encours Paris', NULL, 100, 50, 50, 50, 25, 25, 10), "
                + "('2025-06-30', 'ENT-02', 'SME', '*', 'Encours Bruxelles', NULL, 100, 50, 100, 50, 25, 75, 30), "
                + "('2025-06-30', '*', '*', 'COL-01', NULL, 'Julie Martin', 200, 150, 50, 0, 0, 0, 0), "
                + "('2025-06-30', '*', '*', 'COL-02', NULL, 'Marc Petit', 100, 50, 100, 50, 25, 75, 30), "
                + "('2025-06-30', '*', '*', 'UNASSIGNED', NULL, 'Unassigned', 200, 100, 50, 50, 25, 9.565, 10), "
                + "('2025-06-30', 'ENT-01', '*', 'COL-01', 'Encours Paris', 'Julie Martin', 200, 150, 50, 0, 0, 0, 0), "
                + "('2025-06-30', 'ENT-01', 'MICRO', 'COL-01', 'Encours Paris', 'Julie Martin', 200, 150, 50, 0, 0, 0, 0), "
                + "('2025-06-30', 'ENT-02', '*', 'COL-02', 'Encours Bruxelles', 'Marc Petit', 100, 50, 100, 50, 25, 75, 30)"
                + ") AS v(a, e, sg, c, en, cn, nd, b1, b2, b3, b4, b5, disp)");
        s.execute("CREATE TABLE fin_aged_balance_debtor (as_of DATE, period VARCHAR, debtor_id VARCHAR, "
                + "debtor_name VARCHAR, entity_id VARCHAR, segment VARCHAR, collector_id VARCHAR, " + BUCKET_COLUMNS + ")");
        s.execute("INSERT INTO fin_aged_balance_debtor SELECT CAST(a AS DATE), substr(a, 1, 7), d, dn, e, sg, c, "
                + BUCKETS_SELECT + " FROM (VALUES "
                + "('2025-05-31', 'D-001', 'Boulangerie Dupont', 'ENT-01', 'MICRO', 'COL-01', 400, 300, 200, 100, 0, 0, 0), "
                + "('2025-06-30', 'D-001', 'Boulangerie Dupont', 'ENT-01', 'MICRO', 'COL-01', 200, 150, 50, 0, 0, 0, 0), "
                + "('2025-06-30', 'D-002', 'Transports Leroy', 'ENT-02', 'SME', 'COL-02', 100, 50, 100, 50, 25, 75, 30), "
                + "('2025-06-30', 'D-003', 'Ville de Nantes', 'ENT-01', 'PUBLIC', 'UNASSIGNED', 100, 50, 50, 50, 25, 25, 10)"
                + ") AS v(a, d, dn, e, sg, c, nd, b1, b2, b3, b4, b5, disp)");
    }

    private static void dso(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE fin_dso (as_of DATE, period VARCHAR, entity_key VARCHAR, segment_key VARCHAR,
                  collector_key VARCHAR, window_days INTEGER, receivables DECIMAL(38,10),
                  current_receivables DECIMAL(38,10), sales DECIMAL(38,10), dso DECIMAL(38,10),
                  best_possible_dso DECIMAL(38,10), average_days_delinquent DECIMAL(38,10))""");
        s.execute("""
                INSERT INTO fin_dso VALUES
                ('2025-05-31', '2025-05', '*', '*', '*', 90, 1000, 400, 3000, 30, 12, 18),
                ('2025-06-30', '2025-06', '*', '*', '*', 90, 1234.565, 500, 4000, 27.7777777778, 11.25, 16.5277777778),
                ('2025-06-30', '2025-06', '*', '*', '*', 30, 1234.565, 500, 1000, 37.03695, 15, 22.03695),
                ('2025-05-31', '2025-05', 'ENT-01', '*', '*', 90, 600, 200, 1800, 30, 10, 20),
                ('2025-06-30', '2025-06', 'ENT-01', '*', '*', 90, 700, 300, 2100, 30, 12.8571428571, 17.1428571429),
                ('2025-05-31', '2025-05', 'ENT-02', '*', '*', 90, 300, 100, 0, NULL, NULL, NULL),
                ('2025-06-30', '2025-06', 'ENT-02', '*', '*', 90, 400, 100, 900, 40, 10, 30),
                ('2025-05-31', '2025-05', 'ENT-03', '*', '*', 90, 100, 100, 1200, 7.5, 7.5, 0),
                ('2025-06-30', '2025-06', 'ENT-03', '*', '*', 90, 134.565, 100, 1000, 12.11085, 9, 3.11085),
                ('2025-05-31', '2025-05', '*', '*', 'COL-01', 90, 200, 50, 600, 30, 7.5, 22.5),
                ('2025-06-30', '2025-06', '*', '*', 'COL-01', 90, 250, 50, 900, 25, 5, 20),
                ('2025-06-30', '2025-06', 'ENT-01', 'MICRO', 'COL-01', 90, 150, 50, 450, 30, 10, 20)""");
        s.execute("""
                CREATE TABLE fin_dso_countback (as_of DATE, period VARCHAR, entity_key VARCHAR, segment_key VARCHAR,
                  collector_key VARCHAR, receivables DECIMAL(38,10), dso DECIMAL(38,10), capped BOOLEAN)""");
        s.execute("""
                INSERT INTO fin_dso_countback VALUES
                ('2025-05-31', '2025-05', '*', '*', '*', 1000, 45.5, false),
                ('2025-06-30', '2025-06', '*', '*', '*', 1234.565, 52.125, false),
                ('2025-06-30', '2025-06', 'ENT-01', '*', '*', 700, 730, true),
                ('2025-06-30', '2025-06', '*', '*', 'COL-01', 250, 20, false)""");
        s.execute("""
                CREATE TABLE fin_dso_debtor (as_of DATE, debtor_id VARCHAR, entity_id VARCHAR,
                  segment VARCHAR, collector_id VARCHAR, window_days INTEGER, receivables DECIMAL(38,10),
                  current_receivables DECIMAL(38,10), sales DECIMAL(38,10), dso DECIMAL(38,10),
                  best_possible_dso DECIMAL(38,10), average_days_delinquent DECIMAL(38,10))""");
        s.execute("""
                INSERT INTO fin_dso_debtor VALUES
                ('2025-06-30', 'D-001', 'ENT-01', 'MICRO', 'COL-01', 90, 150, 50, 450, 30, 10, 20)""");
        s.execute("""
                CREATE TABLE fin_dso_countback_debtor (as_of DATE, debtor_id VARCHAR,
                  entity_id VARCHAR, segment VARCHAR, collector_id VARCHAR, receivables DECIMAL(38,10),
                  dso DECIMAL(38,10), capped BOOLEAN)""");
        s.execute("""
                INSERT INTO fin_dso_countback_debtor VALUES
                ('2025-06-30', 'D-001', 'ENT-01', 'MICRO', 'COL-01', 150, 33.335, false)""");
    }
}
