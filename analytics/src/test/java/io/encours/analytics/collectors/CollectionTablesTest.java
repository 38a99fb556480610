package io.encours.analytics.collectors;

import static io.encours.testing.SnapshotFixture.d;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.analytics.balances.Documents;
import io.encours.curated.CuratedSnapshot;
import io.encours.testing.CuratedFixture;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entry point on METRICS.md's worked example (T = 2025-03-31) with one dunning action and
 * one promise: every table, its documented columns (docs/tables/collection.md), no null keys.
 */
class CollectionTablesTest {
    private static final LocalDate T = d("2025-03-31");
    private static Map<String, Dataset<Row>> tables;

    /** Table → key columns, then the other columns, as documented. */
    private static final Map<String, List<List<String>>> COLUMNS = Map.of(
            CollectionTables.PROMISE_STATUS, List.of(List.of("promise_id"), List.of("debtor_id", "entity_id",
                    "segment", "debtor_collector_id", "invoice_id", "collector_id", "created_date",
                    "promised_date", "window_end_date", "promised_amount_eur", "paid_in_window_eur",
                    "kept_amount_eur", "outstanding_eur", "status")),
            CollectionTables.PROMISE_KEPT_RATES, List.of(List.of("period", "dimension", "dimension_key"),
                    List.of("promises_due", "promises_kept", "promises_broken", "promises_open", "kept_rate",
                            "promised_amount_eur", "kept_amount_eur")),
            CollectionTables.PROMISE_SEGMENT_RATES, List.of(List.of("segment"),
                    List.of("promises_kept", "promises_broken", "kept_rate", "forecast_kept_rate")),
            CollectionTables.PROMISE_DEBTOR_STATS, List.of(List.of("debtor_id"), List.of("segment",
                    "promises_kept", "promises_broken", "promises_open", "segment_kept_rate", "p_keep")),
            CollectionTables.PAYMENT_ATTRIBUTION, List.of(List.of("payment_id"), List.of("invoice_id", "debtor_id",
                    "payment_date", "amount_eur", "action_id", "action_date", "action_level", "days_from_action",
                    "action_scenario_id", "action_step", "action_channel", "action_collector_id")),
            CollectionTables.SCENARIO_EFFECTIVENESS, List.of(List.of("period", "scenario_id", "detail", "detail_key"),
                    List.of("scenario_name", "step", "channel", "actions", "responding_actions",
                            "attributed_amount_eur", "response_rate", "median_days_to_payment",
                            "days_to_payment_histogram")),
            CollectionTables.COLLECTOR_PERFORMANCE, List.of(List.of("collector_id", "month"), List.of(
                    "collector_name", "actions", "actions_email", "actions_sms", "actions_call", "actions_letter",
                    "actions_registered_letter", "actions_formal_notice", "attributed_amount_eur",
                    "promises_created", "promises_due", "promises_kept", "promises_broken", "promises_open",
                    "kept_rate")),
            CollectionTables.WORKLIST, List.of(List.of("collector_id", "rank", "debtor_id"), List.of("debtor_name",
                    "entity_id", "segment", "overdue_amount_eur", "max_days_overdue", "invoice_count",
                    "credit_score", "risk_factor", "promise_factor", "priority", "reasons", "suggested_action",
                    "invoices")),
            CollectionTables.WORKLIST_LEGAL, List.of(List.of("collector_id", "debtor_id"), List.of("debtor_name",
                    "entity_id", "segment", "overdue_amount_eur", "max_days_overdue", "invoice_count",
                    "credit_score", "invoices")));

    @BeforeAll
    static void workedExample() {
        SparkSession spark = TestSpark.get();
        SnapshotFixture f = SnapshotFixture.minimal()
                .add("invoices", "A", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 1000, "EUR", null)
                .add("invoices", "B", "D1", "INVOICE", null, d("2025-02-15"), d("2025-03-17"), 2000, "EUR", null)
                .add("invoices", "C", "D1", "CREDIT_NOTE", "B", d("2025-03-10"), d("2025-03-10"), -500, "EUR", null)
                .add("invoices", "D", "D1", "INVOICE", null, d("2025-03-20"), d("2025-04-19"), 1500, "EUR", null)
                .add("payments", "P1", "A", d("2025-02-20"), 600, "TRANSFER")
                .add("payments", "P2", "A", d("2025-03-05"), 400, "TRANSFER")
                // P2 comes 8 days after this reminder on A
                .add("dunning_actions", "AX", "D1", "A", "S1", 1, "EMAIL", d("2025-02-25"), "C1", false)
                // window [02-21, 03-04]: P2 (03-05) is a day late → BROKEN, outside [T − 30, T]
                .add("payment_promises", "PR", "D1", "A", "C1", d("2025-02-21"), d("2025-02-28"), 400, "EUR")
                // an insolvent debtor with an overdue invoice: the legal list
                .add("debtors", "D2", "E1", "Two", "SME", null, null, "C1", null, null, null, true)
                .add("invoices", "Z", "D2", "INVOICE", null, d("2025-02-01"), d("2025-03-01"), 100, "EUR", null);
        CuratedSnapshot curated = CuratedFixture.of(spark, f, T);
        Dataset<Row> applications = Documents.applications(curated);
        Dataset<Row> documents = Documents.documents(curated, applications);
        Dataset<Row> open = Documents.openBalances(spark, documents, applications, curated.disputes(), List.of(T));
        tables = CollectionTables.compute(spark, curated, documents, applications, open, 3, 14, Dataset::cache);
    }

    @Test
    void everyTableWithItsDocumentedColumnsAndNoNullKey() {
        assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(COLUMNS.keySet());
        COLUMNS.forEach((name, columns) -> {
            Dataset<Row> table = tables.get(name);
            String[] expected = columns.stream().flatMap(List::stream).toArray(String[]::new);
            assertThat(table.columns()).as(name).containsExactlyInAnyOrder(expected);
            List<Row> rows = table.collectAsList();
            assertThat(rows).as(name + " rows").isNotEmpty();
            for (String key : columns.get(0)) {
                assertThat(rows).as(name + " null " + key).noneMatch(r -> r.isNullAt(r.fieldIndex(key)));
            }
        });
    }

    @Test
    void workedExampleThroughTheEntryPoint() {
        Row first = tables.get(CollectionTables.WORKLIST).first();
        // 1 500 × (1 + 14/30) × 1.5 × 1 (PR is broken but on 02-28, 31 days before T)
        assertThat(first.<java.math.BigDecimal>getAs("priority")).isEqualByComparingTo("3300");
        Row payment = tables.get(CollectionTables.PAYMENT_ATTRIBUTION).filter(col("payment_id").equalTo("P2")).first();
        assertThat(payment.<String>getAs("action_id")).isEqualTo("AX");
        Row s1 = tables.get(CollectionTables.SCENARIO_EFFECTIVENESS)
                .filter("period = 'ALL' AND scenario_id = 'S1' AND detail = 'none'").first();
        assertThat(Arrays.asList(s1.getAs("actions"), s1.getAs("responding_actions"),
                s1.getAs("median_days_to_payment"))).containsExactly(1L, 1L, 8.0);
        Row feb = tables.get(CollectionTables.COLLECTOR_PERFORMANCE).filter("month = '2025-02'").first();
        assertThat(Arrays.asList(feb.getAs("actions"), feb.getAs("actions_email"), feb.getAs("promises_created"),
                feb.getAs("promises_broken"), feb.getAs("kept_rate"))).containsExactly(1L, 1L, 1L, 1L, 0.0);
    }
}
