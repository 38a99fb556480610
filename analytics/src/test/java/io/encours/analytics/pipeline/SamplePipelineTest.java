package io.encours.analytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.analytics.publish.DuckDbPublisher;
import io.encours.ingestion.IngestionConfig;
import io.encours.testing.TestSpark;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one end-to-end test: the whole pipeline on the committed sample, then the published
 * database read like the API reads it. Checks identities across metric families and that the
 * behaviours planted by the generator (data-samples/README.md) are recovered.
 */
class SamplePipelineTest {
    @TempDir
    static Path dir;
    private static PipelineResult result;
    private static Connection db;

    @BeforeAll
    static void runPipeline() throws SQLException {
        Path sample = Path.of("..", "data-samples", "sample").toAbsolutePath().normalize();
        PipelineConfig config = new PipelineConfig(new IngestionConfig(sample.toString(), null,
                dir.resolve("warehouse").toString(), 0.05, 5), 3, 14, 90, 26);
        result = Pipeline.run(TestSpark.get(), config, dir.resolve("warehouse"));
        Path file = DuckDbPublisher.current(dir.resolve("warehouse/db")).orElseThrow();
        db = DriverManager.getConnection("jdbc:duckdb:" + file + ";access_mode=READ_ONLY");
    }

    @AfterAll
    static void close() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static double number(String sql) throws SQLException {
        return ((Number) query(sql).get(0).get(0)).doubleValue();
    }

    @Test
    void publishesTheSampleWithBalancedIngestionCounts() throws SQLException {
        assertThat(result.ingestion().tables()).allMatch(t -> t.balanced() && t.rejected() == 0);
        assertThat(query("SELECT run_id, CAST(snapshot_date AS VARCHAR) FROM run_meta"))
                .containsExactly(List.of(result.runId(), "2025-06-30"));
        assertThat(number("SELECT accepted FROM ingest_tables WHERE table_name = 'invoices'")).isEqualTo(20000);
    }

    @Test
    void receivablesFromBalancesEqualReceivablesFromCumulativeFlows() throws SQLException {
        // AR(d) rebuilt independently from the curated Parquet as cumulative flows: + documents
        // at issue, − applications at their date while the invoice is not written off, − what
        // is left at the write-off date.
        String curated = dir.resolve("warehouse/curated/runs/" + result.ingestion().runId()).toString();
        String flows = """
                WITH docs AS (SELECT * FROM read_parquet('%1$s/invoices/*.parquet', hive_partitioning = false)),
                apps AS (
                  SELECT invoice_id, payment_date AS d, amount_eur AS x FROM read_parquet('%1$s/payments/*.parquet', hive_partitioning = false)
                  UNION ALL
                  SELECT credited_invoice_id, issue_date, -amount_eur FROM docs
                  WHERE document_type = 'CREDIT_NOTE' AND credited_invoice_id IS NOT NULL),
                flows AS (
                  SELECT issue_date AS d, amount_eur AS x FROM docs
                  WHERE document_type = 'INVOICE' OR credited_invoice_id IS NULL
                  UNION ALL
                  SELECT a.d, -a.x FROM apps a JOIN docs i ON i.invoice_id = a.invoice_id
                  WHERE i.written_off_date IS NULL OR a.d < i.written_off_date
                  UNION ALL
                  SELECT i.written_off_date, -(i.amount_eur - coalesce((SELECT sum(a.x) FROM apps a
                      WHERE a.invoice_id = i.invoice_id AND a.d < i.written_off_date), 0))
                  FROM docs i WHERE i.written_off_date IS NOT NULL AND i.document_type = 'INVOICE')
                SELECT g.as_of, g.total, (SELECT sum(x) FROM flows WHERE flows.d <= g.as_of) AS ar
                FROM fin_aged_balance g
                WHERE g.entity_key = '*' AND g.segment_key = '*' AND g.collector_key = '*'
                ORDER BY g.as_of""".formatted(curated);
        List<List<Object>> rows = query(flows);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(24);
        for (List<Object> row : rows) {
            assertThat(((java.math.BigDecimal) row.get(1)).subtract((java.math.BigDecimal) row.get(2)).abs())
                    .as("AR at %s", row.get(0)).isLessThan(new java.math.BigDecimal("0.000001"));
        }
    }

    @Test
    void recoversTheCollectorWhosePromisesAreKept() throws SQLException {
        Map<String, Double> kept = new LinkedHashMap<>();
        for (List<Object> row : query("""
                SELECT collector_id, sum(promises_kept) * 1.0 / sum(promises_kept + promises_broken)
                FROM collector_performance GROUP BY collector_id ORDER BY collector_id""")) {
            kept.put((String) row.get(0), ((Number) row.get(1)).doubleValue());
        }
        assertThat(kept.get("COL-003")).isGreaterThan(0.9);
        kept.remove("COL-003");
        assertThat(kept.values()).allMatch(rate -> rate < 0.8);
    }

    @Test
    void recoversTheEntityWhoseDelaysWorsen() throws SQLException {
        List<Double> ent03 = new ArrayList<>();
        for (List<Object> row : query("""
                SELECT average_delay_days FROM fin_delays WHERE granularity = 'month' AND entity_key = 'ENT-03'
                AND segment_key = '*' AND collector_key = '*' AND period BETWEEN '2025-01' AND '2025-06'
                ORDER BY period""")) {
            ent03.add(((Number) row.get(0)).doubleValue());
        }
        assertThat(ent03).hasSize(6);
        for (int i = 1; i < ent03.size(); i++) {
            assertThat(ent03.get(i)).as("month %d after month %d", i, i - 1).isGreaterThan(ent03.get(i - 1));
        }
        assertThat(ent03.get(5) - ent03.get(0)).isGreaterThan(15);
        double otherDrift = number("""
                SELECT max(abs(j.average_delay_days - d.average_delay_days)) FROM fin_delays d
                JOIN fin_delays j USING (granularity, entity_key, segment_key, collector_key)
                WHERE d.granularity = 'month' AND d.entity_key NOT IN ('*', 'ENT-03') AND d.segment_key = '*'
                AND d.collector_key = '*' AND d.period = '2025-01' AND j.period = '2025-06'""");
        assertThat(otherDrift).isLessThan(10);
    }

    @Test
    void recoversTheScenarioThatMakesMicroFirmsPayFaster() throws SQLException {
        // The sample's two scenarios for micro firms: the SMS one is planted to work far better.
        String metric = "SELECT %s FROM scenario_effectiveness WHERE period = 'ALL' AND detail = 'none' "
                + "AND scenario_id = '%s'";
        double smsResponse = number(metric.formatted("response_rate", "SC-MICRO-SMS"));
        double letterResponse = number(metric.formatted("response_rate", "SC-MICRO-LETTER"));
        assertThat(smsResponse).isGreaterThan(letterResponse * 1.2);
        double smsDelay = number(metric.formatted("portfolio_average_delay_days", "SC-MICRO-SMS"));
        double letterDelay = number(metric.formatted("portfolio_average_delay_days", "SC-MICRO-LETTER"));
        assertThat(smsDelay).isLessThan(letterDelay / 2);
    }

    @Test
    void theForecastBeatsTheNaiveBaselineInItsPublishedBacktest() throws SQLException {
        List<List<Object>> weeks = query("""
                SELECT week, wape, baseline_wape FROM forecast_backtest
                WHERE entity_key = '*' AND segment_key = '*' ORDER BY week""");
        assertThat(weeks).hasSize(13);
        double reduction = number("SELECT wape_reduction FROM forecast_backtest_summary "
                + "WHERE entity_key = '*' AND segment_key = '*'");
        assertThat(reduction).isGreaterThan(0.3);
        for (List<Object> w : weeks) {
            assertThat(((Number) w.get(1)).doubleValue()).as("week %s", w.get(0))
                    .isLessThan(((Number) w.get(2)).doubleValue());
        }
    }
}
