package io.encours.analytics.attribution;

import static io.encours.testing.SnapshotFixture.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.curated.CuratedSnapshot;
import io.encours.testing.CuratedFixture;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Attribution of payments to dunning actions, window 14 days. T = 2025-06-30. */
class AttributionTest {
    private static CuratedSnapshot curated;
    private static Dataset<Row> attribution;

    @BeforeAll
    static void actionsAndPayments() {
        SnapshotFixture f = SnapshotFixture.minimal() // D1, collector C1, scenario S1
                .add("debtors", "D2", "E1", "Two", "SME", null, null, "C1", null, null, null, null)
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-04-01"), d("2025-04-30"), 1000, "EUR", null)
                .add("invoices", "I2", "D1", "INVOICE", null, d("2025-04-01"), d("2025-04-30"), 1000, "EUR", null)
                .add("invoices", "J1", "D2", "INVOICE", null, d("2025-04-01"), d("2025-04-30"), 1000, "EUR", null)
                // a credit note on I1 dated like P1: not a payment, attributed to nothing
                .add("invoices", "CN", "D1", "CREDIT_NOTE", "I1", d("2025-05-15"), d("2025-05-15"), -10, "EUR", null)
                // window boundary: P1 is 14 days after A1 (in), P2 15 days after A2 (out)
                .add("payments", "P1", "I1", d("2025-05-15"), 100, "TRANSFER")
                // a second payment for A1, earlier: A1's first payment came after 9 days
                .add("payments", "P0", "I1", d("2025-05-10"), 50, "TRANSFER")
                .add("payments", "P2", "I2", d("2025-05-16"), 200, "TRANSFER")
                .add("dunning_actions", "A1", "D1", "I1", "S1", 1, "EMAIL", d("2025-05-01"), null, false)
                .add("dunning_actions", "A2", "D1", "I2", "S1", 1, "EMAIL", d("2025-05-01"), null, false)
                // debtor-level: P3 on I2 goes to D1's account-wide action A3 (7 days); D2's more
                // recent account-wide action B2 targets another debtor. (A3 and P3 sit in different
                // 15-day time buckets of the debtor-level join: day 20244 → 1349, day 20251 → 1350.)
                .add("payments", "P3", "I2", d("2025-06-12"), 300, "TRANSFER")
                .add("dunning_actions", "A3", "D1", null, null, null, "CALL", d("2025-06-05"), "C1", false)
                .add("dunning_actions", "B2", "D2", null, null, null, "CALL", d("2025-06-09"), "C1", false)
                // tie on the date: the invoice-level A5 beats the debtor-level A9 (greater id)
                .add("payments", "P4", "I1", d("2025-06-20"), 400, "TRANSFER")
                .add("dunning_actions", "A9", "D1", null, null, null, "CALL", d("2025-06-18"), "C1", false)
                .add("dunning_actions", "A5", "D1", "I1", "S1", 2, "LETTER", d("2025-06-18"), null, false)
                // tie on date and level: greatest id as a string, "B9" > "B10"; older B1 loses
                .add("payments", "P5", "J1", d("2025-06-25"), 500, "TRANSFER")
                .add("dunning_actions", "B10", "D2", "J1", null, null, "SMS", d("2025-06-24"), "C1", false)
                .add("dunning_actions", "B9", "D2", "J1", null, null, "SMS", d("2025-06-24"), "C1", false)
                .add("dunning_actions", "B1", "D2", "J1", null, null, "SMS", d("2025-06-20"), "C1", false);
        curated = CuratedFixture.of(TestSpark.get(), f, d("2025-06-30"));
        attribution = Attribution.payments(curated, 14).cache();
    }

    /** payment → "action level days" or "none". */
    private static Map<String, String> summary(Dataset<Row> rows) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("payment_id"),
                r -> r.getAs("action_id") == null ? "none"
                        : r.getAs("action_id") + " " + r.getAs("action_level") + " " + r.getAs("days_from_action")));
    }

    @Test
    void eachPaymentGoesToTheMostRecentActionTargetingItsInvoice() {
        assertThat(summary(attribution)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "P0", "A1 INVOICE 9",
                "P1", "A1 INVOICE 14",
                "P2", "none",
                "P3", "A3 DEBTOR 7",
                "P4", "A5 INVOICE 2",
                "P5", "B9 INVOICE 1"));
    }

    @Test
    void theWindowIsAParameter() {
        // The same rule by brute force over every (payment, action) pair, for other windows;
        // by hand: with 15 days P2 reaches A2, and with 0 days no action is on a payment's date.
        Map<Integer, Map<String, String>> byWindow = new HashMap<>();
        List<Row> payments = curated.payments().collectAsList();
        List<Row> actions = curated.dunningActions().collectAsList();
        for (int window : new int[] {0, 15, 30}) {
            Map<String, String> expected = new HashMap<>();
            for (Row p : payments) {
                LocalDate t = p.<Date>getAs("payment_date").toLocalDate();
                Row best = null;
                for (Row a : actions) {
                    LocalDate ad = a.<Date>getAs("action_date").toLocalDate();
                    boolean targets = p.getAs("invoice_id").equals(a.getAs("invoice_id"))
                            || a.getAs("invoice_id") == null && p.getAs("debtor_id").equals(a.getAs("debtor_id"));
                    if (targets && !ad.isAfter(t) && !ad.isBefore(t.minusDays(window))
                            && (best == null || compare(a, best) > 0)) {
                        best = a;
                    }
                }
                expected.put(p.getAs("payment_id"), best == null ? "none" : best.getAs("action_id") + " "
                        + (best.getAs("invoice_id") == null ? "DEBTOR" : "INVOICE") + " "
                        + (t.toEpochDay() - best.<Date>getAs("action_date").toLocalDate().toEpochDay()));
            }
            Map<String, String> actual = summary(Attribution.payments(curated, window));
            assertThat(actual).as("window %d", window).containsExactlyInAnyOrderEntriesOf(expected);
            byWindow.put(window, actual);
        }
        assertThat(byWindow.get(15)).containsEntry("P2", "A2 INVOICE 15").containsEntry("P1", "A1 INVOICE 14");
        assertThat(byWindow.get(0).values()).containsOnly("none");
    }

    private static int compare(Row a, Row b) {
        int byDate = a.<Date>getAs("action_date").compareTo(b.getAs("action_date"));
        if (byDate != 0) {
            return byDate;
        }
        int byLevel = Boolean.compare(a.getAs("invoice_id") != null, b.getAs("invoice_id") != null);
        return byLevel != 0 ? byLevel : a.<String>getAs("action_id").compareTo(b.getAs("action_id"));
    }

    @Test
    void theActionsDimensionsComeAlong() {
        Map<String, String> dims = attribution.collectAsList().stream().filter(r -> r.getAs("action_id") != null)
                .collect(Collectors.toMap(r -> r.getAs("payment_id"), r -> r.getAs("action_scenario_id") + " "
                        + r.getAs("action_step") + " " + r.getAs("action_channel") + " "
                        + r.getAs("action_collector_id")));
        assertThat(dims).containsExactlyInAnyOrderEntriesOf(Map.of(
                "P0", "S1 1 EMAIL null",
                "P1", "S1 1 EMAIL null",
                "P3", "null null CALL C1",
                "P4", "S1 2 LETTER null",
                "P5", "null null SMS C1"));
    }

    @Test
    void respondingActions() {
        // A1 ← P0 (9 days) and P1 (14 days), A3 ← P3, A5 ← P4, B9 ← P5; the others got nothing
        Map<String, String> outcomes = Attribution.respondingActions(attribution).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("action_id"), r -> r.getAs("action_date") + " "
                        + r.getAs("channel") + " " + r.getAs("attributed_payments") + " "
                        + r.<BigDecimal>getAs("attributed_eur").stripTrailingZeros().toPlainString() + " "
                        + r.getAs("days_to_first_payment")));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A1", "2025-05-01 EMAIL 2 150 9",
                "A3", "2025-06-05 CALL 1 300 7",
                "A5", "2025-06-18 LETTER 1 400 2",
                "B9", "2025-06-24 SMS 1 500 1"));
    }
}
