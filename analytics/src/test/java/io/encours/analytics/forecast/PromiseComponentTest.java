package io.encours.analytics.forecast;

import static io.encours.testing.SnapshotFixture.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.encours.curated.CuratedSnapshot;
import io.encours.testing.CuratedFixture;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The promise component of METRICS.md on hand-built promises, at T and at an earlier date. */
class PromiseComponentTest {
    private static final LocalDate T = d("2025-06-30");
    private static final LocalDate EARLY = d("2025-01-15");
    private static final double EPS = 1e-9;
    /** (as_of, promise_id) → contribution row. */
    private static Map<String, Row> rows;

    @BeforeAll
    static void contributions() {
        SparkSession spark = TestSpark.get();
        SnapshotFixture f = SnapshotFixture.minimal() // D1: SME
                .add("debtors", "D2", "E1", "Two", "SME", null, null, null, null, null, null, null)
                .add("debtors", "D3", "E1", "Three", "MICRO", null, null, null, null, null, null, null)
                .add("debtors", "D4", "E1", "Four", "KEY_ACCOUNT", null, null, null, null, null, null, null)
                .add("debtors", "D5", "E1", "Five", "PUBLIC", null, null, null, null, null, null, null)
                .add("invoices", "A1", "D1", "INVOICE", null, d("2025-01-02"), d("2025-02-01"), 10000, "EUR", null)
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-05-01"), d("2025-05-31"), 1000, "EUR", null)
                .add("invoices", "B2", "D2", "INVOICE", null, d("2025-02-01"), d("2025-03-01"), 500, "EUR", null)
                .add("invoices", "C3", "D3", "INVOICE", null, d("2025-05-01"), d("2025-05-31"), 600, "EUR", null)
                .add("invoices", "C4", "D4", "INVOICE", null, d("2025-03-01"), d("2025-03-31"), 50, "EUR", null)
                .add("invoices", "E5", "D5", "INVOICE", null, d("2024-12-01"), d("2024-12-31"), 100, "EUR", null)
                .add("payments", "PA1", "A1", d("2025-02-05"), 100, "TRANSFER")
                .add("payments", "PA2", "A1", d("2025-03-05"), 100, "TRANSFER")
                .add("payments", "PA3", "A1", d("2025-04-05"), 100, "TRANSFER")
                .add("payments", "PI1", "I1", d("2025-06-25"), 400, "TRANSFER")
                .add("payments", "PC4", "C4", d("2025-04-05"), 50, "TRANSFER")
                // D1: three kept, one broken, one open with 400 paid inside its window
                .add("payment_promises", "K1", "D1", "A1", "C1", d("2025-02-01"), d("2025-02-10"), 100, "EUR")
                .add("payment_promises", "K2", "D1", "A1", "C1", d("2025-03-01"), d("2025-03-10"), 100, "EUR")
                .add("payment_promises", "K3", "D1", "A1", "C1", d("2025-04-01"), d("2025-04-10"), 100, "EUR")
                .add("payment_promises", "X1", "D1", "A1", "C1", d("2025-05-01"), d("2025-05-10"), 100, "EUR")
                .add("payment_promises", "O1", "D1", "I1", "C1", d("2025-06-20"), d("2025-07-10"), 1000, "EUR")
                // D2: one broken; an open debtor-level promise whose date is past but within grace
                .add("payment_promises", "X2", "D2", "B2", "C1", d("2025-03-01"), d("2025-03-10"), 500, "EUR")
                .add("payment_promises", "O2", "D2", null, "C1", d("2025-06-25"), d("2025-06-28"), 300, "EUR")
                // D3 (MICRO, a segment without resolved promises): one open
                .add("payment_promises", "O3", "D3", "C3", "C1", d("2025-06-20"), d("2025-07-05"), 600, "EUR")
                // D4: one kept; D5: broken at T, open on 2025-01-15 when nothing was resolved
                .add("payment_promises", "K4", "D4", "C4", "C1", d("2025-04-01"), d("2025-04-10"), 50, "EUR")
                .add("payment_promises", "X5", "D5", "E5", "C1", d("2025-01-10"), d("2025-01-20"), 100, "EUR");
        CuratedSnapshot s = CuratedFixture.of(spark, f, T);
        List<LocalDate> dates = List.of(EARLY, T);
        Dataset<Row> promises = PromiseComponent.promises(s, 3);
        Dataset<Row> window = PromiseComponent.windowPayments(promises, s);
        Dataset<Row> outcomes = PromiseComponent.outcomes(promises, window, T);
        Map<LocalDate, Map<String, Double>> rates = PromiseComponent.segmentRates(
                PromiseComponent.resolvedCounts(outcomes).collectAsList(),
                List.of("KEY_ACCOUNT", "MICRO", "PUBLIC", "SME"), dates);
        rows = PromiseComponent.contributions(spark, outcomes, window, rates, dates).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getDate(r.fieldIndex("as_of")) + " " + r.getString(r.fieldIndex("promise_id")),
                        r -> r));
    }

    private static double num(Row r, String column) {
        Object v = r.get(r.fieldIndex(column));
        return v instanceof java.math.BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
    }

    private static LocalDate date(Row r, String column) {
        return r.getDate(r.fieldIndex(column)).toLocalDate();
    }

    @Test
    void onlyPromisesOpenAtEachDateContribute() {
        assertThat(rows.keySet()).containsExactlyInAnyOrder(
                "2025-01-15 X5", "2025-06-30 O1", "2025-06-30 O2", "2025-06-30 O3");
    }

    @Test
    void pKeepFromTheDebtorsHistoryAndItsSegmentRate() {
        // SME resolved at T: K1 K2 K3 kept, X1 X2 broken → r_s = 3 / 5 = 0.6.
        // D1: kept 3, broken 1 → p_keep = (3 + 5 × 0.6) / (4 + 5) = 6 / 9 = 0.6667;
        // 1 000 promised − 400 paid inside the window = 600 → 600 × 6/9 = 400 on 2025-07-10.
        Row o1 = rows.get("2025-06-30 O1");
        assertThat(o1.getLong(o1.fieldIndex("debtor_kept"))).isEqualTo(3);
        assertThat(o1.getLong(o1.fieldIndex("debtor_broken"))).isEqualTo(1);
        assertThat(num(o1, "segment_kept_rate")).isCloseTo(0.6, within(EPS));
        assertThat(num(o1, "p_keep")).isCloseTo(6.0 / 9, within(EPS));
        assertThat(num(o1, "paid_in_window_eur")).isEqualTo(400.0);
        assertThat(num(o1, "outstanding_eur")).isEqualTo(600.0);
        assertThat(num(o1, "expected_eur")).isCloseTo(400.0, within(EPS));
        assertThat(date(o1, "expected_date")).isEqualTo(d("2025-07-10"));
    }

    @Test
    void aPromisedDatePastButWithinGraceIsExpectedTomorrow() {
        // O2 (debtor-level) promised 2025-06-28, window ends 2025-07-01 ≥ T: OPEN, on T + 1.
        // D2: kept 0, broken 1 → (0 + 5 × 0.6) / (1 + 5) = 0.5 → 300 × 0.5 = 150.
        Row o2 = rows.get("2025-06-30 O2");
        assertThat(o2.isNullAt(o2.fieldIndex("invoice_id"))).isTrue();
        assertThat(num(o2, "p_keep")).isCloseTo(0.5, within(EPS));
        assertThat(num(o2, "expected_eur")).isCloseTo(150.0, within(EPS));
        assertThat(date(o2, "expected_date")).isEqualTo(d("2025-07-01"));
    }

    @Test
    void aSegmentWithoutResolvedPromisesUsesAllDebtorsRate() {
        // MICRO has none resolved; all debtors: kept K1 K2 K3 K4, broken X1 X2 X5 → 4 / 7.
        // D3 has no history: p_keep = (0 + 5 × 4/7) / 5 = 4/7 → 600 × 4/7 = 342.857…
        Row o3 = rows.get("2025-06-30 O3");
        assertThat(num(o3, "segment_kept_rate")).isCloseTo(4.0 / 7, within(EPS));
        assertThat(num(o3, "p_keep")).isCloseTo(4.0 / 7, within(EPS));
        assertThat(num(o3, "expected_eur")).isCloseTo(600 * 4.0 / 7, within(EPS));
        assertThat(date(o3, "expected_date")).isEqualTo(d("2025-07-05"));
    }

    @Test
    void noResolvedPromiseAtAllGivesOneHalf() {
        // On 2025-01-15 no promise is resolved yet (K1 is created on 2025-02-01): r_s = 0.5,
        // p_keep = (0 + 2.5) / 5 = 0.5 → 100 × 0.5 = 50 on the promised date 2025-01-20.
        Row x5 = rows.get("2025-01-15 X5");
        assertThat(x5.getLong(x5.fieldIndex("debtor_kept")) + x5.getLong(x5.fieldIndex("debtor_broken"))).isZero();
        assertThat(num(x5, "segment_kept_rate")).isEqualTo(0.5);
        assertThat(num(x5, "expected_eur")).isCloseTo(50.0, within(EPS));
        assertThat(date(x5, "expected_date")).isEqualTo(d("2025-01-20"));
    }
}
