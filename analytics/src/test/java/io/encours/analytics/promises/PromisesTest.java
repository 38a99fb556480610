package io.encours.analytics.promises;

import static io.encours.testing.SnapshotFixture.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.encours.curated.CuratedSnapshot;
import io.encours.testing.CuratedFixture;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Promise status, kept rates and the forecast's resolved counts, on hand-built promises.
 * T = 2025-06-30, grace 3 unless said otherwise.
 */
class PromisesTest {
    private static final LocalDate T = d("2025-06-30");
    private static CuratedSnapshot curated;
    private static Dataset<Row> status;

    @BeforeAll
    static void promises() {
        SnapshotFixture f = SnapshotFixture.minimal() // D1: entity E1, SME, collector C1
                .add("entities", "E2", "Entity two", "FR")
                .add("collectors", "C2", "Bob", "Team B")
                .add("debtors", "D2", "E2", "Two", "MICRO", null, null, "C1", null, null, null, null)
                .add("debtors", "D3", "E1", "Three", "PUBLIC", null, null, "C1", null, null, null, null)
                .add("debtors", "D4", "E1", "Four", "SME", null, null, null, null, null, null, null)
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-04-01"), d("2025-05-01"), 1000, "EUR", null)
                .add("invoices", "I2", "D1", "INVOICE", null, d("2025-04-01"), d("2025-05-01"), 500, "EUR", null)
                .add("invoices", "I3", "D1", "INVOICE", null, d("2025-06-01"), d("2025-07-01"), 800, "EUR", null)
                .add("invoices", "J1", "D2", "INVOICE", null, d("2025-04-01"), d("2025-05-01"), 300, "EUR", null)
                .add("invoices", "CN", "D2", "CREDIT_NOTE", "J1", d("2025-05-10"), d("2025-05-10"), -300, "EUR", null)
                .add("invoices", "J2", "D2", "INVOICE", null, d("2025-05-01"), d("2025-06-01"), 100, "EUR", null)
                .add("invoices", "K1", "D4", "INVOICE", null, d("2025-05-01"), d("2025-06-01"), 50, "EUR", null)
                .add("payments", "Q0", "I1", d("2025-04-20"), 50, "TRANSFER") // before every window
                .add("payments", "Q1", "I1", d("2025-05-23"), 400, "TRANSFER")
                .add("payments", "Q2", "I2", d("2025-05-05"), 100, "TRANSFER")
                .add("payments", "Q3", "I2", d("2025-05-14"), 400, "TRANSFER")
                .add("payments", "Q4", "I3", d("2025-06-29"), 300, "TRANSFER")
                .add("payments", "Q5", "J2", d("2025-06-05"), new BigDecimal("99.99"), "CARD")
                .add("payments", "Q6", "K1", d("2025-06-03"), 50, "CARD")
                // PK: window [05-10, 05-23]: Q1 400 on the last day of grace → KEPT
                .add("payment_promises", "PK", "D1", "I1", "C1", d("2025-05-10"), d("2025-05-20"), 400, "EUR")
                // PB: window [05-01, 05-13]: Q2 100 only (Q3 on 05-14 is a day late) → BROKEN
                .add("payment_promises", "PB", "D1", "I2", "C1", d("2025-05-01"), d("2025-05-10"), 500, "EUR")
                // PO: window [06-20, 06-30]: ends on T, so not yet broken; Q4 300 → OPEN
                .add("payment_promises", "PO", "D1", "I3", "C1", d("2025-06-20"), d("2025-06-27"), 800, "EUR")
                // PD (debtor level, no collector): window [05-01, 05-23]: Q1 400 + Q2 100 + Q3 400 = 900
                // on two invoices, Q1 and Q2 also counting for PK and PB → KEPT, kept 600 (capped)
                .add("payment_promises", "PD", "D1", null, null, d("2025-05-01"), d("2025-05-20"), 600, "EUR")
                // PC: J1 is fully credited by CN, but a credit note is not a payment → paid 0, BROKEN
                .add("payment_promises", "PC", "D2", "J1", "C1", d("2025-05-01"), d("2025-05-15"), 300, "EUR")
                // PT: 99.99 paid on 100 promised: ≥ 100 − 0.01 → KEPT
                .add("payment_promises", "PT", "D2", "J2", "C2", d("2025-06-01"), d("2025-06-10"), 100, "EUR")
                // PX (debtor level, D4 unassigned, obtained by C2): Q6 50 → KEPT
                .add("payment_promises", "PX", "D4", null, "C2", d("2025-06-01"), d("2025-06-05"), 50, "EUR");
        curated = CuratedFixture.of(TestSpark.get(), f, T);
        status = Promises.status(curated, 3).cache();
    }

    private static Map<String, Row> byKey(Dataset<Row> rows, String... keys) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> key(r, keys), r -> r));
    }

    private static String key(Row r, String... keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(sb.isEmpty() ? "" : " ").append(r.<Object>getAs(k));
        }
        return sb.toString();
    }

    private static String amount(Row r, String column) {
        return r.<BigDecimal>getAs(column).stripTrailingZeros().toPlainString();
    }

    /** status paid kept outstanding, per promise. */
    private static Map<String, String> summary(Dataset<Row> rows) {
        return byKey(rows, "promise_id").entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().getAs("status") + " " + amount(e.getValue(), "paid_in_window_eur") + " "
                        + amount(e.getValue(), "kept_amount_eur") + " " + amount(e.getValue(), "outstanding_eur")));
    }

    @Test
    void statusAsOfT() {
        assertThat(summary(status)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PK", "KEPT 400 400 0",
                "PB", "BROKEN 100 100 400",
                "PO", "OPEN 300 300 500",
                "PD", "KEPT 900 600 0",
                "PC", "BROKEN 0 0 300",
                "PT", "KEPT 99.99 99.99 0.01",
                "PX", "KEPT 50 50 0"));
        Row po = byKey(status, "promise_id").get("PO");
        assertThat(po.<java.sql.Date>getAs("window_end_date")).isEqualTo(java.sql.Date.valueOf("2025-06-30"));
        assertThat(key(po, "debtor_id", "entity_id", "segment", "debtor_collector_id", "invoice_id", "collector_id"))
                .isEqualTo("D1 E1 SME C1 I3 C1");
    }

    @Test
    void graceDaysAreAParameter() {
        // grace 0: PK [05-10, 05-20] gets nothing; PD [05-01, 05-20] gets Q2 + Q3 = 500 < 600;
        // PO's window ended on 06-27 < T with Q4 (06-29) outside it.
        assertThat(summary(Promises.status(curated, 0))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PK", "BROKEN 0 0 400",
                "PB", "BROKEN 100 100 400",
                "PO", "BROKEN 0 0 800",
                "PD", "BROKEN 500 500 100",
                "PC", "BROKEN 0 0 300",
                "PT", "KEPT 99.99 99.99 0.01",
                "PX", "KEPT 50 50 0"));
    }

    @Test
    void keptRatesByMonthOfPromisedDate() {
        Map<String, Row> rates = byKey(Promises.keptRates(status), "period", "dimension", "dimension_key");
        // period due kept broken open rate
        Map<String, String> counts = rates.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> key(e.getValue(), "promises_due", "promises_kept", "promises_broken", "promises_open",
                        "kept_rate")));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                // 2025-05: PK KEPT, PB BROKEN, PD KEPT, PC BROKEN → 2 / 4
                Map.entry("2025-05 GROUP ALL", "4 2 2 0 0.5"),
                Map.entry("2025-05 ENTITY E1", "3 2 1 0 " + 2.0 / 3), // PK PB PD
                Map.entry("2025-05 ENTITY E2", "1 0 1 0 0.0"), // PC
                Map.entry("2025-05 SEGMENT SME", "3 2 1 0 " + 2.0 / 3),
                Map.entry("2025-05 SEGMENT MICRO", "1 0 1 0 0.0"),
                Map.entry("2025-05 COLLECTOR C1", "3 1 2 0 " + 1.0 / 3), // PK PB PC; PD has no collector
                // 2025-06: PO OPEN, PT KEPT, PX KEPT
                Map.entry("2025-06 GROUP ALL", "3 2 0 1 1.0"),
                Map.entry("2025-06 ENTITY E1", "2 1 0 1 1.0"), // PO PX
                Map.entry("2025-06 ENTITY E2", "1 1 0 0 1.0"), // PT
                Map.entry("2025-06 SEGMENT SME", "2 1 0 1 1.0"),
                Map.entry("2025-06 SEGMENT MICRO", "1 1 0 0 1.0"),
                Map.entry("2025-06 COLLECTOR C1", "1 0 0 1 null"), // only PO, unresolved
                Map.entry("2025-06 COLLECTOR C2", "2 2 0 0 1.0")));
        // 400 + 500 + 600 + 300 promised; 400 + 100 + 600 + 0 kept
        assertThat(amount(rates.get("2025-05 GROUP ALL"), "promised_amount_eur")).isEqualTo("1800");
        assertThat(amount(rates.get("2025-05 GROUP ALL"), "kept_amount_eur")).isEqualTo("1100");
    }

    @Test
    void segmentRatesAndDebtorCountsForTheForecast() {
        Dataset<Row> segments = Promises.segmentRates(status, curated.debtors());
        Map<String, String> bySegment = byKey(segments, "segment").entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> key(e.getValue(), "promises_kept", "promises_broken", "kept_rate",
                        "forecast_kept_rate")));
        assertThat(bySegment).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SME", "3 1 0.75 0.75", // PK PD PX kept, PB broken
                "MICRO", "1 1 0.5 0.5", // PT kept, PC broken
                // no resolved promise: the rate of all debtors, 4 kept / 6 resolved
                "PUBLIC", "0 0 null " + 4.0 / 6));

        Map<String, Row> debtors = byKey(Promises.debtorStats(status, segments), "debtor_id");
        assertThat(debtors).containsOnlyKeys("D1", "D2", "D4"); // D3 has no promise
        assertThat(key(debtors.get("D1"), "segment", "promises_kept", "promises_broken", "promises_open"))
                .isEqualTo("SME 2 1 1");
        // p_keep = (kept_d + 5 r_s) / (kept_d + broken_d + 5)
        assertThat(debtors.get("D1").<Double>getAs("p_keep")).isCloseTo((2 + 5 * 0.75) / (2 + 1 + 5), within(1e-12));
        assertThat(debtors.get("D2").<Double>getAs("p_keep")).isCloseTo((1 + 5 * 0.5) / (1 + 1 + 5), within(1e-12));
        assertThat(debtors.get("D4").<Double>getAs("p_keep")).isCloseTo((1 + 5 * 0.75) / (1 + 0 + 5), within(1e-12));
    }

    @Test
    void noResolvedPromiseAtAllGivesOneHalf() {
        Dataset<Row> none = Promises.segmentRates(status.limit(0), curated.debtors());
        assertThat(none.collectAsList()).hasSize(3)
                .allSatisfy(r -> assertThat(r.<Double>getAs("forecast_kept_rate")).isEqualTo(0.5));
    }
}
