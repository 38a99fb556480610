package io.encours.api.testing;

import java.sql.SQLException;
import java.sql.Statement;

/** The collection tables of docs/tables/collection.md, a few hand-chosen rows. */
final class CollectionFixtures {

    private CollectionFixtures() {
    }

    static void create(Statement s) throws SQLException {
        worklists(s);
        promises(s);
        collectorPerformance(s);
        scenarioEffectiveness(s);
    }

    /** Histograms of 4 days (attribution window 3); see ScenarioEffectivenessControllerTest for the sums. */
    private static void scenarioEffectiveness(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE scenario_effectiveness (period VARCHAR, scenario_id VARCHAR, scenario_name VARCHAR,
                  detail VARCHAR, detail_key VARCHAR, step INTEGER, channel VARCHAR, actions BIGINT,
                  responding_actions BIGINT, attributed_amount_eur DECIMAL(38,10), response_rate DOUBLE,
                  median_days_to_payment DOUBLE, days_to_payment_histogram BIGINT[],
                  portfolio_average_delay_days DECIMAL(38,10))""");
        s.execute("""
                INSERT INTO scenario_effectiveness VALUES
                ('2025-05', 'SC-1', 'Relance standard', 'none', 'ALL', NULL, NULL, 10, 4, 1000.005, 0.4, 1.5, [1, 1, 1, 1], 12.5),
                ('2025-06', 'SC-1', 'Relance standard', 'none', 'ALL', NULL, NULL, 5, 3, 500, 0.6, 2.0, [0, 0, 3, 0], 20),
                ('ALL', 'SC-1', 'Relance standard', 'none', 'ALL', NULL, NULL, 15, 7, 1500.005, 0.4666666667, 2.0, [1, 1, 4, 1], 15),
                ('2025-05', 'MANUAL', 'Manual (no scenario)', 'none', 'ALL', NULL, NULL, 0, 0, 0, NULL, NULL, [0, 0, 0, 0], 8),
                ('2025-06', 'MANUAL', 'Manual (no scenario)', 'none', 'ALL', NULL, NULL, 2, 2, 50, 1.0, 0.0, [2, 0, 0, 0], NULL),
                ('ALL', 'MANUAL', 'Manual (no scenario)', 'none', 'ALL', NULL, NULL, 2, 2, 50, 1.0, 0.0, [2, 0, 0, 0], 9),
                ('2025-05', 'SC-1', 'Relance standard', 'step', '1', 1, NULL, 6, 3, 800, 0.5, 1.0, [1, 1, 1, 0], 12.5),
                ('2025-05', 'SC-1', 'Relance standard', 'step', 'NONE', NULL, NULL, 4, 1, 200.005, 0.25, 3.0, [0, 0, 0, 1], 12.5),
                ('2025-06', 'SC-1', 'Relance standard', 'step', '1', 1, NULL, 5, 3, 500, 0.6, 2.0, [0, 0, 3, 0], 20),
                ('ALL', 'SC-1', 'Relance standard', 'step', '1', 1, NULL, 11, 6, 1300, 0.5454545455, 2.0, [1, 1, 4, 0], 15),
                ('ALL', 'SC-1', 'Relance standard', 'step', 'NONE', NULL, NULL, 4, 1, 200.005, 0.25, 3.0, [0, 0, 0, 1], 15),
                ('2025-05', 'SC-1', 'Relance standard', 'channel', 'EMAIL', NULL, 'EMAIL', 10, 4, 1000.005, 0.4, 1.5, [1, 1, 1, 1], 12.5),
                ('ALL', 'SC-1', 'Relance standard', 'channel', 'EMAIL', NULL, 'EMAIL', 10, 4, 1000.005, 0.4, 1.5, [1, 1, 1, 1], 15)""");
    }

    private static void collectorPerformance(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE collector_performance (collector_id VARCHAR, collector_name VARCHAR, month VARCHAR,
                  actions BIGINT, actions_email BIGINT, actions_sms BIGINT, actions_call BIGINT, actions_letter BIGINT,
                  actions_registered_letter BIGINT, actions_formal_notice BIGINT, attributed_amount_eur DECIMAL(38,10),
                  promises_created BIGINT, promises_due BIGINT, promises_kept BIGINT, promises_broken BIGINT,
                  promises_open BIGINT, kept_rate DOUBLE, portfolio_overdue_eur DECIMAL(38,10),
                  portfolio_dso DECIMAL(38,10), portfolio_average_delay_days DECIMAL(38,10))""");
        s.execute("""
                INSERT INTO collector_performance VALUES
                ('COL-01', 'Julie Martin', '2025-05', 3, 1, 0, 2, 0, 0, 0, 100, 1, 1, 1, 0, 0, 1.0, 250, 30, 5),
                ('COL-02', 'Marc Petit', '2025-05', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 300, NULL, NULL),
                ('COL-01', 'Julie Martin', '2025-06', 12, 5, 1, 4, 1, 1, 0, 1234.565, 3, 3, 2, 1, 0, 0.6666666667,
                 400.005, 25.125, 7.333333),
                ('COL-02', 'Marc Petit', '2025-06', 4, 0, 0, 2, 0, 1, 1, 0, 1, 1, 0, 0, 1, NULL, 300, 61.5, 12),
                ('COL-01', 'Julie Martin', '2025-07', 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, NULL, NULL, NULL, NULL),
                ('COL-02', 'Marc Petit', '2025-07', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL)""");
    }

    private static void promises(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE promise_status (promise_id VARCHAR, debtor_id VARCHAR, entity_id VARCHAR, segment VARCHAR,
                  debtor_collector_id VARCHAR, invoice_id VARCHAR, collector_id VARCHAR, created_date DATE,
                  promised_date DATE, window_end_date DATE, promised_amount_eur DECIMAL(38,10),
                  paid_in_window_eur DECIMAL(38,10), kept_amount_eur DECIMAL(38,10), outstanding_eur DECIMAL(38,10),
                  status VARCHAR)""");
        s.execute("""
                INSERT INTO promise_status VALUES
                ('P-1', 'D-001', 'ENT-01', 'MICRO', 'COL-01', 'I-10', 'COL-01', '2025-06-01', '2025-07-05', '2025-07-08',
                 500.005, 0, 0, 500.005, 'OPEN'),
                ('P-2', 'D-001', 'ENT-01', 'MICRO', 'COL-01', NULL, NULL, '2025-04-01', '2025-04-15', '2025-04-18',
                 300, 300, 300, 0, 'KEPT'),
                ('P-3', 'D-002', 'ENT-02', 'SME', 'COL-02', 'I-20', 'COL-02', '2025-05-01', '2025-05-20', '2025-05-23',
                 1000, 200, 200, 800, 'BROKEN'),
                ('P-4', 'D-003', 'ENT-01', 'PUBLIC', NULL, 'I-30', 'COL-02', '2025-06-10', '2025-06-20', '2025-06-23',
                 150, 150, 150, 0, 'KEPT')""");
    }

    private static final String INVOICE = "STRUCT(invoice_id VARCHAR, due_date DATE, days_overdue INTEGER, "
            + "remaining_eur DECIMAL(38,10), in_dispute BOOLEAN)[]";

    private static void worklists(Statement s) throws SQLException {
        s.execute("CREATE TABLE worklist (collector_id VARCHAR, rank INTEGER, debtor_id VARCHAR, debtor_name VARCHAR, "
                + "entity_id VARCHAR, segment VARCHAR, overdue_amount_eur DECIMAL(38,10), max_days_overdue INTEGER, "
                + "invoice_count BIGINT, credit_score INTEGER, risk_factor DECIMAL(3,2), promise_factor DECIMAL(2,1), "
                + "priority DECIMAL(38,10), reasons VARCHAR[], suggested_action VARCHAR, invoices " + INVOICE + ")");
        s.execute("""
                INSERT INTO worklist VALUES
                ('COL-01', 1, 'D-004', 'Garage Martin', 'ENT-02', 'SME', 5000, 120, 1, NULL, 1.5, 1.0,
                 37500, ['1 invoice overdue, 120 days', 'no credit score (risk ×1.5)'], 'CALL',
                 [{'invoice_id': 'I-40', 'due_date': DATE '2025-03-02', 'days_overdue': 120, 'remaining_eur': 5000,
                   'in_dispute': false}]),
                ('COL-01', 2, 'D-001', 'Boulangerie Dupont', 'ENT-01', 'MICRO', 1234.565, 94, 2, 71, 1.29, 0.2,
                 1301.2345678, ['2 invoices overdue, oldest 94 days', 'credit score 71 (risk ×1.29)',
                 'open promise due 2025-07-05 (×0.2)'], 'WAIT_FOR_PROMISE',
                 [{'invoice_id': 'I-10', 'due_date': DATE '2025-03-28', 'days_overdue': 94, 'remaining_eur': 1000.005,
                   'in_dispute': false},
                  {'invoice_id': 'I-11', 'due_date': DATE '2025-06-20', 'days_overdue': 10, 'remaining_eur': 234.56,
                   'in_dispute': false}]),
                ('COL-02', 1, 'D-002', 'Transports Leroy', 'ENT-02', 'SME', 300, 40, 1, 55, 1.45, 1.0,
                 993.3333333333, ['1 invoice overdue, 40 days', 'credit score 55 (risk ×1.45)'], 'CALL',
                 [{'invoice_id': 'I-20', 'due_date': DATE '2025-05-21', 'days_overdue': 40, 'remaining_eur': 300,
                   'in_dispute': false}])""");
        s.execute("CREATE TABLE worklist_legal (collector_id VARCHAR, debtor_id VARCHAR, debtor_name VARCHAR, "
                + "entity_id VARCHAR, segment VARCHAR, overdue_amount_eur DECIMAL(38,10), max_days_overdue INTEGER, "
                + "invoice_count BIGINT, credit_score INTEGER, invoices " + INVOICE + ")");
        s.execute("""
                INSERT INTO worklist_legal VALUES
                ('COL-01', 'D-005', 'Menuiserie Roux', 'ENT-01', 'MICRO', 292.0946565730, 488, 1, 5,
                 [{'invoice_id': 'I-50', 'due_date': DATE '2024-02-28', 'days_overdue': 488,
                   'remaining_eur': 292.0946565730, 'in_dispute': false}]),
                ('COL-01', 'D-006', 'Imprimerie Blanc', 'ENT-02', 'SME', 80, 200, 1, NULL,
                 [{'invoice_id': 'I-60', 'due_date': DATE '2024-12-12', 'days_overdue': 200,
                   'remaining_eur': 80, 'in_dispute': false}])""");
    }
}
