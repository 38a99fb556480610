package io.encours.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.api.testing.Fixtures;
import io.encours.api.testing.SampleWarehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The application over what the real pipeline published from the committed sample (run once
 * per test JVM by {@link SampleWarehouse}): each endpoint's JSON equals the analytics table it
 * serves, read here straight from the DuckDB file, rounded as the API rounds (2 decimals for
 * amounts, days and DSO; 4 for rates). The API must serve, not recompute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SamplePipelineServerTest {
    private static final String GROUP = "entity_key = '*' AND segment_key = '*' AND collector_key = '*'";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("encours.warehouse", () -> SampleWarehouse.root().toString());
    }

    @LocalServerPort
    int port;

    private JsonNode get(String path, String user) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", Fixtures.basic(user, user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s as %s: %s", path, user, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Path copy;

    /**
     * A copy of the published file: DuckDB refuses a second in-process connection to the file
     * the application holds with other settings, and the test must not share the app's pool.
     */
    private static synchronized Path copy() {
        if (copy == null) {
            try {
                copy = Fixtures.tempDir("encours-sample-copy").resolve("published.duckdb");
                Files.copy(SampleWarehouse.database(), copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }

    /** Rows of a query on the published file, each column by name. */
    private static List<Map<String, Object>> table(String sql, Object... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + copy() + ";access_mode=READ_ONLY");
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = statement.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The API's figure equals the table's value rounded half-up to {@code scale} (both null, or equal). */
    private static void assertRounded(JsonNode actual, Object expected, int scale, String what) {
        if (expected == null) {
            assertThat(actual == null || actual.isNull()).as(what + " is null").isTrue();
            return;
        }
        BigDecimal rounded = new BigDecimal(expected.toString()).setScale(scale, RoundingMode.HALF_UP);
        assertThat(actual.decimalValue()).as(what).isEqualByComparingTo(rounded);
    }

    @Test
    void metaIsTheIngestionReportOfThePublishedRun() throws Exception {
        JsonNode meta = get("/api/v1/meta", "cfo");
        Map<String, Object> run = table("SELECT run_id, CAST(snapshot_date AS VARCHAR) AS d FROM run_meta").get(0);
        assertThat(meta.get("runId").asString()).isEqualTo(run.get("run_id"));
        assertThat(meta.get("snapshotDate").asString()).isEqualTo("2025-06-30").isEqualTo(run.get("d"));
        List<Map<String, Object>> tables = table("SELECT * FROM ingest_tables ORDER BY table_name");
        assertThat(meta.get("tables")).hasSize(10).hasSize(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            JsonNode t = meta.get("tables").get(i);
            assertThat(t.get("table").asString()).isEqualTo(tables.get(i).get("table_name"));
            assertThat(t.get("read").asLong()).isEqualTo(((Number) tables.get(i).get("rows_read")).longValue());
            assertThat(t.get("accepted").asLong()).isEqualTo(((Number) tables.get(i).get("accepted")).longValue());
        }
        // The committed sample is clean: 20 000 invoices read, all accepted.
        assertThat(tables).anySatisfy(t -> assertThat(t).containsEntry("table_name", "invoices")
                .containsEntry("rows_read", 20000L).containsEntry("accepted", 20000L));
    }

    @Test
    void standardAndCountbackDsoAreTheGroupSeries() throws Exception {
        List<Map<String, Object>> standard = table("SELECT * FROM fin_dso WHERE " + GROUP
                + " AND window_days = 90 ORDER BY as_of");
        JsonNode points = get("/api/v1/dso?method=standard&window=90", "cfo").get("points");
        assertThat(points).hasSize(standard.size()).hasSizeGreaterThanOrEqualTo(24);
        for (int i = 0; i < standard.size(); i++) {
            JsonNode p = points.get(i);
            Map<String, Object> row = standard.get(i);
            assertThat(p.get("period").asString()).isEqualTo(row.get("period"));
            assertRounded(p.get("dso"), row.get("dso"), 2, "dso " + row.get("period"));
            assertRounded(p.get("bestPossibleDso"), row.get("best_possible_dso"), 2, "bpdso " + row.get("period"));
            assertRounded(p.get("receivables"), row.get("receivables"), 2, "AR " + row.get("period"));
            assertRounded(p.get("sales"), row.get("sales"), 2, "sales " + row.get("period"));
        }
        List<Map<String, Object>> countback = table("SELECT * FROM fin_dso_countback WHERE " + GROUP + " ORDER BY as_of");
        JsonNode cb = get("/api/v1/dso?method=countback", "cfo").get("points");
        assertThat(cb).hasSize(countback.size());
        for (int i = 0; i < countback.size(); i++) {
            assertRounded(cb.get(i).get("dso"), countback.get(i).get("dso"), 2, "countback " + countback.get(i).get("period"));
            assertThat(cb.get(i).get("capped").asBoolean()).isEqualTo(countback.get(i).get("capped"));
        }
    }

    @Test
    void delaysCeiAndUnpaidRateAreTheGroupSeries() throws Exception {
        List<Map<String, Object>> delays = table("SELECT * FROM fin_delays WHERE granularity = 'month' AND " + GROUP
                + " ORDER BY period");
        JsonNode d = get("/api/v1/delays?granularity=month", "cfo").get("points");
        assertThat(d).hasSize(delays.size());
        for (int i = 0; i < delays.size(); i++) {
            assertThat(d.get(i).get("period").asString()).isEqualTo(delays.get(i).get("period"));
            assertRounded(d.get(i).get("averageDelayDays"), delays.get(i).get("average_delay_days"), 2, "delay");
            assertRounded(d.get(i).get("shareLate"), delays.get(i).get("share_paid_late"), 4, "share late");
            assertThat(d.get(i).get("invoicesSettled").asLong())
                    .isEqualTo(((Number) delays.get(i).get("invoices_settled")).longValue());
        }
        List<Map<String, Object>> cei = table("SELECT * FROM fin_cei WHERE " + GROUP + " ORDER BY period");
        JsonNode c = get("/api/v1/cei", "cfo").get("points");
        assertThat(c).hasSize(cei.size());
        for (int i = 0; i < cei.size(); i++) {
            assertRounded(c.get(i).get("cei"), cei.get(i).get("cei"), 2, "cei " + cei.get(i).get("period"));
        }
        List<Map<String, Object>> unpaid = table("SELECT * FROM fin_unpaid_rate WHERE " + GROUP + " ORDER BY period");
        JsonNode u = get("/api/v1/unpaid-rate", "cfo").get("points");
        assertThat(u).hasSize(unpaid.size());
        for (int i = 0; i < unpaid.size(); i++) {
            assertRounded(u.get(i).get("unpaidRate"), unpaid.get(i).get("unpaid_rate"), 4, "unpaid rate");
            assertRounded(u.get(i).get("amountUnpaid"), unpaid.get(i).get("amount_unpaid"), 2, "unpaid");
            assertThat(u.get(i).get("final").asBoolean()).isEqualTo(unpaid.get(i).get("final"));
        }
    }

    @Test
    void agedBalanceByEntityAtTAndTheEntityCfosScope() throws Exception {
        List<Map<String, Object>> rows = table("SELECT * FROM fin_aged_balance WHERE as_of = DATE '2025-06-30'"
                + " AND entity_key <> '*' AND segment_key = '*' AND collector_key = '*'");
        JsonNode api = get("/api/v1/aged-balance?groupBy=entity", "cfo").get("rows");
        assertThat(api).hasSize(rows.size()).hasSize(4);
        for (JsonNode r : api) {
            Map<String, Object> row = rows.stream().filter(x -> x.get("entity_key").equals(r.get("key").asString()))
                    .findFirst().orElseThrow();
            assertRounded(r.get("total"), row.get("total"), 2, "total " + r.get("key"));
            assertRounded(r.get("overdue"), row.get("overdue"), 2, "overdue " + r.get("key"));
            assertRounded(r.get("over180"), row.get("over_180"), 2, "over 180 " + r.get("key"));
            assertRounded(r.get("inDispute"), row.get("in_dispute"), 2, "in dispute " + r.get("key"));
        }
        // entity-cfo is ENTITY_CFO of ENT-01, the smallest entity id: one row, the same figures.
        JsonNode scoped = get("/api/v1/aged-balance?groupBy=entity", "entity-cfo").get("rows");
        assertThat(scoped).hasSize(1);
        assertThat(scoped.get(0).get("key").asString()).isEqualTo("ENT-01");
    }

    @Test
    void forecastWeeksAndBacktestAreThePublishedOnes() throws Exception {
        List<Map<String, Object>> weeks = table("SELECT * FROM forecast_periods WHERE granularity = 'week'"
                + " AND entity_key = '*' AND segment_key = '*' ORDER BY period_index");
        JsonNode points = get("/api/v1/forecast?horizon=90&granularity=week", "cfo").get("points");
        assertThat(points).hasSize(13).hasSize(weeks.size());
        for (int i = 0; i < weeks.size(); i++) {
            JsonNode p = points.get(i);
            assertRounded(p.get("promised"), weeks.get(i).get("promised"), 2, "promised week " + (i + 1));
            assertRounded(p.get("invoices"), weeks.get(i).get("invoices"), 2, "invoices week " + (i + 1));
            assertRounded(p.get("low"), weeks.get(i).get("low"), 2, "low week " + (i + 1));
            assertRounded(p.get("high"), weeks.get(i).get("high"), 2, "high week " + (i + 1));
            assertThat(p.get("total").decimalValue())
                    .isEqualByComparingTo(p.get("promised").decimalValue().add(p.get("invoices").decimalValue()));
        }
        Map<String, Object> summary = table("SELECT * FROM forecast_backtest_summary"
                + " WHERE entity_key = '*' AND segment_key = '*'").get(0);
        JsonNode backtest = get("/api/v1/forecast/backtest", "cfo");
        assertThat(backtest.get("cutoffs").asInt()).isEqualTo(((Number) summary.get("cutoffs")).intValue());
        assertRounded(backtest.get("wape"), summary.get("wape"), 4, "wape");
        assertRounded(backtest.get("baselineWape"), summary.get("baseline_wape"), 4, "baseline wape");
        assertThat(backtest.get("horizons")).hasSize(13);
        // The published claim: the model beats the naive baseline on the sample.
        assertThat(backtest.get("wape").asDouble()).isLessThan(backtest.get("baselineWape").asDouble());
    }

    @Test
    void theCollectorSeesItsWorklistInRankOrder() throws Exception {
        List<Map<String, Object>> ranked = table("SELECT * FROM worklist WHERE collector_id = 'COL-001'"
                + " ORDER BY rank LIMIT 50");
        JsonNode rows = get("/api/v1/worklists/COL-001", "collector").get("rows");
        assertThat(rows).hasSize(ranked.size()).isNotEmpty();
        for (int i = 0; i < ranked.size(); i++) {
            JsonNode r = rows.get(i);
            assertThat(r.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(r.get("debtorId").asString()).isEqualTo(ranked.get(i).get("debtor_id"));
            assertRounded(r.get("overdueAmount"), ranked.get(i).get("overdue_amount_eur"), 2, "overdue rank " + (i + 1));
            assertThat(r.get("suggestedAction").asString()).isEqualTo(ranked.get(i).get("suggested_action"));
        }
    }

    @Test
    void collectorPerformanceOfJune() throws Exception {
        List<Map<String, Object>> june = table("SELECT * FROM collector_performance WHERE month = '2025-06'"
                + " ORDER BY collector_id");
        JsonNode rows = get("/api/v1/collectors/performance?month=2025-06", "cfo").get("rows");
        assertThat(rows).hasSize(june.size()).hasSize(4);
        for (int i = 0; i < june.size(); i++) {
            JsonNode r = rows.get(i);
            assertThat(r.get("collectorId").asString()).isEqualTo(june.get(i).get("collector_id"));
            assertThat(r.get("actions").asLong()).isEqualTo(((Number) june.get(i).get("actions")).longValue());
            assertThat(r.get("promisesKept").asLong()).isEqualTo(((Number) june.get(i).get("promises_kept")).longValue());
            assertRounded(r.get("attributedAmount"), june.get(i).get("attributed_amount_eur"), 2, "attributed");
            assertRounded(r.get("portfolioDso"), june.get(i).get("portfolio_dso"), 2, "portfolio DSO");
        }
    }
}
