package io.encours.samples;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * METRICS.md's definitions, in DuckDB SQL over a written snapshot: the figures the tests and
 * the README use to check the generated data (average delay, promise status, attribution of
 * payments to actions). Written independently from the generator: it only reads the Parquet.
 */
final class SnapshotMetrics implements AutoCloseable {
    private final Connection db;
    private final LocalDate asOf;

    SnapshotMetrics(Path snapshot, LocalDate asOf) throws SQLException {
        this.asOf = asOf;
        this.db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = db.createStatement()) {
            for (Table t : Contract.TABLES) {
                st.execute("CREATE VIEW " + t.name() + " AS SELECT * FROM read_parquet('"
                        + snapshot.resolve(t.name()).resolve("*.parquet") + "', hive_partitioning = false)");
            }
            // The invoice's rate: the latest rate_date <= issue_date; EUR is 1.
            st.execute("""
                    CREATE VIEW inv_rate AS
                    SELECT i.*, CASE WHEN i.currency = 'EUR' THEN 1 ELSE f.eur_per_unit END AS rate
                    FROM invoices i ASOF LEFT JOIN fx_rates f
                      ON f.currency = i.currency AND i.issue_date >= f.rate_date""");
            // settle_date: first day payments + credits issued reach the amount.
            st.execute("""
                    CREATE VIEW settle AS
                    WITH ev AS (
                      SELECT invoice_id, payment_date AS d, amount FROM payments
                      UNION ALL
                      SELECT credited_invoice_id, issue_date, -amount FROM invoices
                      WHERE document_type = 'CREDIT_NOTE' AND credited_invoice_id IS NOT NULL),
                    daily AS (SELECT invoice_id, d, sum(amount) AS a FROM ev GROUP BY ALL),
                    cum AS (SELECT invoice_id, d,
                              sum(a) OVER (PARTITION BY invoice_id ORDER BY d) AS c FROM daily)
                    SELECT i.invoice_id, min(cum.d) AS settle_date
                    FROM invoices i JOIN cum ON cum.invoice_id = i.invoice_id
                    WHERE i.document_type = 'INVOICE' AND cum.c >= i.amount
                    GROUP BY i.invoice_id""");
            st.execute("""
                    CREATE VIEW settled AS
                    SELECT r.invoice_id, r.debtor_id, d.entity_id, d.segment, d.scenario_id,
                           d.collector_id, r.due_date, s.settle_date, r.amount * r.rate AS amount_eur,
                           greatest(0, datediff('day', r.due_date, s.settle_date)) AS days_late
                    FROM inv_rate r JOIN settle s USING (invoice_id)
                    JOIN debtors d ON d.debtor_id = r.debtor_id
                    WHERE r.written_off_date IS NULL OR s.settle_date < r.written_off_date""");
            st.execute(String.format("""
                    CREATE VIEW promise_status AS
                    WITH pr AS (
                      SELECT p.*, p.promised_amount
                             * CASE WHEN p.currency = 'EUR' THEN 1 ELSE f.eur_per_unit END AS promised_eur
                      FROM payment_promises p ASOF LEFT JOIN fx_rates f
                        ON f.currency = p.currency AND p.created_date >= f.rate_date),
                    targets AS (
                      SELECT pr.promise_id, r.invoice_id, r.rate FROM pr
                      JOIN inv_rate r ON r.invoice_id = pr.invoice_id
                      UNION ALL
                      SELECT pr.promise_id, r.invoice_id, r.rate FROM pr
                      JOIN inv_rate r ON pr.invoice_id IS NULL AND r.debtor_id = pr.debtor_id),
                    paid AS (
                      SELECT pr.promise_id, coalesce(sum(pay.amount * t.rate), 0) AS paid_eur
                      FROM pr LEFT JOIN targets t ON t.promise_id = pr.promise_id
                      LEFT JOIN payments pay ON pay.invoice_id = t.invoice_id
                        AND pay.payment_date BETWEEN pr.created_date AND pr.promised_date + 3
                      GROUP BY pr.promise_id)
                    SELECT pr.*, paid.paid_eur,
                      CASE WHEN paid.paid_eur >= pr.promised_eur - 0.01 THEN 'KEPT'
                           WHEN pr.promised_date + 3 < DATE '%s' THEN 'BROKEN'
                           ELSE 'OPEN' END AS status
                    FROM pr JOIN paid USING (promise_id)""", asOf));
            // Each payment goes to the latest action in [t-14, t] on its invoice or debtor.
            st.execute("""
                    CREATE VIEW attribution AS
                    WITH pay AS (
                      SELECT p.payment_id, p.payment_date AS t, p.invoice_id, i.debtor_id
                      FROM payments p JOIN invoices i USING (invoice_id)),
                    cand AS (
                      SELECT pay.payment_id, pay.t, a.action_id, a.action_date, true AS inv_level
                      FROM pay JOIN dunning_actions a ON a.invoice_id = pay.invoice_id
                        AND a.action_date BETWEEN pay.t - 14 AND pay.t
                      UNION ALL
                      SELECT pay.payment_id, pay.t, a.action_id, a.action_date, false
                      FROM pay JOIN dunning_actions a ON a.invoice_id IS NULL
                        AND a.debtor_id = pay.debtor_id
                        AND a.action_date BETWEEN pay.t - 14 AND pay.t)
                    SELECT * FROM cand
                    QUALIFY row_number() OVER (PARTITION BY payment_id
                      ORDER BY action_date DESC, inv_level DESC, action_id DESC) = 1""");
        }
    }

    /** average_delay_days over the settled invoices matching the SQL condition. */
    double averageDelay(String where) throws SQLException {
        return scalar("SELECT sum(amount_eur * days_late) / sum(amount_eur) FROM settled WHERE "
                + where);
    }

    /** kept_rate = KEPT / (KEPT + BROKEN) over the promises matching the condition. */
    double keptRate(String where) throws SQLException {
        return scalar("SELECT count(*) FILTER (status = 'KEPT') / count(*) FILTER (status <> 'OPEN')"
                + " FROM promise_status WHERE " + where);
    }

    /** Share of the actions matching the condition that got at least one attributed payment. */
    double responseRate(String where) throws SQLException {
        return scalar("""
                SELECT count(*) FILTER (action_id IN (SELECT action_id FROM attribution)) / count(*)
                FROM dunning_actions a WHERE
                """ + " " + where);
    }

    /** Amount-weighted average delay per settle month (yyyy-MM) of invoices matching. */
    Map<String, Double> monthlyDelay(String where) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT strftime(settle_date, '%Y-%m') AS m, "
                        + "sum(amount_eur * days_late) / sum(amount_eur) FROM settled WHERE " + where
                        + " GROUP BY m ORDER BY m")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return out;
    }

    double scalar(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    long count(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    LocalDate asOf() {
        return asOf;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
