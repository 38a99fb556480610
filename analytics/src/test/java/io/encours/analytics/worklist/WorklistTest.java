package io.encours.analytics.worklist;

import static io.encours.testing.SnapshotFixture.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.analytics.balances.Documents;
import io.encours.analytics.promises.Promises;
import io.encours.curated.CuratedSnapshot;
import io.encours.testing.CuratedFixture;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Worklists as of T = 2025-03-31: METRICS.md's worked example (debtor D1) beside debtors
 * exercising risk, promise factors, actionable rules, insolvency and ties.
 * priority = overdue × (1 + days / 30) × risk × promise.
 */
class WorklistTest {
    private static final LocalDate T = d("2025-03-31");
    private static List<Row> worklist;
    private static List<Row> legal;

    @BeforeAll
    static void portfolio() {
        SparkSession spark = TestSpark.get();
        SnapshotFixture f = SnapshotFixture.minimal() // D1: collector C1, no credit score, not insolvent
                .add("collectors", "C2", "Bob", "Team B")
                // the worked example: B (1 500 left, 14 days) is D1's only actionable invoice
                .add("invoices", "A", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 1000, "EUR", null)
                .add("invoices", "B", "D1", "INVOICE", null, d("2025-02-15"), d("2025-03-17"), 2000, "EUR", null)
                .add("invoices", "C", "D1", "CREDIT_NOTE", "B", d("2025-03-10"), d("2025-03-10"), -500, "EUR", null)
                .add("invoices", "D", "D1", "INVOICE", null, d("2025-03-20"), d("2025-04-19"), 1500, "EUR", null)
                .add("payments", "P1", "A", d("2025-02-20"), 600, "TRANSFER")
                .add("payments", "P2", "A", d("2025-03-05"), 400, "TRANSFER")
                // D2, score 60 (risk 1.4), OPEN promise (×0.2): 1 000 at 59 days
                .add("debtors", "D2", "E1", "Two", "SME", null, null, "C1", null, 60, null, false)
                .add("invoices", "F21", "D2", "INVOICE", null, d("2025-01-01"), d("2025-01-31"), 1000, "EUR", null)
                .add("payment_promises", "PO2", "D2", "F21", "C1", d("2025-03-25"), d("2025-04-10"), 500, "EUR")
                // D3, score 80 (risk 1.2), promise BROKEN on 03-10, within [T − 30, T] (×1.5)
                .add("debtors", "D3", "E1", "Three", "SME", null, null, "C1", null, 80, null, false)
                .add("invoices", "F31", "D3", "INVOICE", null, d("2024-12-01"), d("2024-12-31"), 2000, "EUR", null)
                .add("invoices", "F32", "D3", "INVOICE", null, d("2025-02-01"), d("2025-03-01"), 500, "EUR", null)
                // in dispute at T: not actionable
                .add("invoices", "F33", "D3", "INVOICE", null, d("2025-01-01"), d("2025-01-31"), 300, "EUR", null)
                .add("disputes", "X33", "F33", d("2025-02-15"), null, "PRICE")
                // written off before T: not actionable; written off after T: actionable (120 days)
                .add("invoices", "F34", "D3", "INVOICE", null, d("2024-11-01"), d("2024-12-01"), 700, "EUR", d("2025-03-01"))
                .add("invoices", "F35", "D3", "INVOICE", null, d("2024-11-01"), d("2024-12-01"), 100, "EUR", d("2025-04-15"))
                // stand-alone credit note: not an invoice, not netted
                .add("invoices", "F36", "D3", "CREDIT_NOTE", null, d("2025-03-01"), d("2025-03-01"), -100, "EUR", null)
                // dispute resolved before T: actionable again (30 days)
                .add("invoices", "F37", "D3", "INVOICE", null, d("2025-02-01"), d("2025-03-01"), 200, "EUR", null)
                .add("disputes", "X37", "F37", d("2025-03-05"), d("2025-03-20"), "QUALITY")
                // overpaid: remaining −50, not actionable
                .add("invoices", "F38", "D3", "INVOICE", null, d("2025-01-01"), d("2025-02-01"), 100, "EUR", null)
                .add("payments", "P38", "F38", d("2025-02-10"), 150, "TRANSFER")
                .add("payment_promises", "PB3", "D3", null, "C1", d("2025-03-01"), d("2025-03-10"), 200, "EUR")
                // D4 and D5 tie at exactly 200 (in binary floating point D4 would come out at
                // 199.99999999999997, below D5): D4 first by debtor_id
                .add("debtors", "D4", "E1", "Four", "SME", null, null, "C1", null, null, null, false)
                .add("invoices", "F41", "D4", "INVOICE", null, d("2025-03-01"), d("2025-03-21"), 100, "EUR", null)
                .add("debtors", "D5", "E1", "Five", "SME", null, null, "C1", null, 100, null, false)
                .add("invoices", "F51", "D5", "INVOICE", null, d("2025-02-01"), d("2025-03-01"), 100, "EUR", null)
                // broken on 02-28 = T − 31: outside the window, ×1
                .add("payment_promises", "PB5", "D5", null, "C1", d("2025-02-20"), d("2025-02-28"), 100, "EUR")
                // insolvent with an actionable invoice: legal list; insolvent with nothing due: nowhere
                .add("debtors", "D6", "E1", "Six", "SME", null, null, "C1", null, null, null, true)
                .add("invoices", "F61", "D6", "INVOICE", null, d("2025-02-01"), d("2025-03-01"), 400, "EUR", null)
                .add("debtors", "D7", "E1", "Seven", "SME", null, null, "C1", null, null, null, true)
                .add("invoices", "F71", "D7", "INVOICE", null, d("2025-03-20"), d("2025-04-19"), 100, "EUR", null)
                // unassigned: on no worklist
                .add("debtors", "D8", "E1", "Eight", "SME", null, null, null, null, null, null, false)
                .add("invoices", "F81", "D8", "INVOICE", null, d("2025-01-01"), d("2025-01-31"), 999, "EUR", null)
                // C2: D9 score 50, broken on 03-01 = T − 30 (inside, ×1.5); D10 score 0 (risk 2)
                .add("debtors", "D9", "E1", "Nine", "SME", null, null, "C2", null, 50, null, false)
                .add("invoices", "F91", "D9", "INVOICE", null, d("2025-02-15"), d("2025-03-16"), 300, "EUR", null)
                .add("payment_promises", "PB9", "D9", null, "C2", d("2025-02-20"), d("2025-03-01"), 100, "EUR")
                .add("debtors", "D10", "E1", "Ten", "SME", null, null, "C2", null, 0, null, null)
                .add("invoices", "F101", "D10", "INVOICE", null, d("2025-01-20"), d("2025-02-20"), 100, "EUR", null);
        CuratedSnapshot curated = CuratedFixture.of(spark, f, T);
        Dataset<Row> applications = Documents.applications(curated);
        Dataset<Row> documents = Documents.documents(curated, applications);
        Dataset<Row> open = Documents.openBalances(spark, documents, applications, curated.disputes(), List.of(T));
        Dataset<Row> actionable = Worklist.actionableDebtors(open, curated.debtors(), T).cache();
        worklist = Worklist.worklist(actionable, Promises.status(curated, 3), T).collectAsList();
        legal = Worklist.legal(actionable).collectAsList();
    }

    private static String amount(Object value) {
        return ((BigDecimal) value).stripTrailingZeros().toPlainString();
    }

    private static Row row(String debtor) {
        return worklist.stream().filter(r -> r.getAs("debtor_id").equals(debtor)).findFirst().orElseThrow();
    }

    @Test
    void rankedByPriorityThenDebtorId() {
        List<String> rows = worklist.stream().map(r -> r.getAs("collector_id") + " " + r.getAs("rank") + " "
                + r.getAs("debtor_id") + " " + amount(r.getAs("overdue_amount_eur")) + " " + r.getAs("max_days_overdue")
                + " " + r.getAs("credit_score") + " " + amount(r.getAs("risk_factor")) + " "
                + amount(r.getAs("promise_factor")) + " " + amount(r.getAs("priority")) + " "
                + r.getAs("suggested_action")).toList();
        assertThat(rows).containsExactly(
                // 2 000 + 500 + 100 + 200 = 2 800; 2 800 × (1 + 120/30) × 1.2 × 1.5 = 25 200
                "C1 1 D3 2800 120 80 1.2 1.5 25200 FORMAL_NOTICE",
                // the worked example: 1 500 × (1 + 14/30) × 1.5 × 1 = 3 300
                "C1 2 D1 1500 14 null 1.5 1 3300 EMAIL",
                // 1 000 × (1 + 59/30) × 1.4 × 0.2 = 830.666… (10 decimals)
                "C1 3 D2 1000 59 60 1.4 0.2 830.6666666667 WAIT_FOR_PROMISE",
                // 100 × (1 + 10/30) × 1.5 = 200 and 100 × (1 + 30/30) × 1 = 200: tie → debtor_id
                "C1 4 D4 100 10 null 1.5 1 200 EMAIL",
                "C1 5 D5 100 30 100 1 1 200 EMAIL",
                // 300 × (1 + 15/30) × 1.5 × 1.5 = 1 012.5; a recent broken promise → CALL
                "C2 1 D9 300 15 50 1.5 1.5 1012.5 CALL",
                // 100 × (1 + 39/30) × 2 = 460; over 30 days → CALL
                "C2 2 D10 100 39 0 2 1 460 CALL");
    }

    @Test
    void reasonsSayWhy() {
        assertThat(row("D3").getList(row("D3").fieldIndex("reasons"))).containsExactly(
                "4 invoices overdue, oldest 120 days", "credit score 80 (risk ×1.20)",
                "broken promise of 2025-03-10 (×1.5)");
        assertThat(row("D1").getList(row("D1").fieldIndex("reasons"))).containsExactly(
                "1 invoice overdue, 14 days", "no credit score (risk ×1.5)");
        assertThat(row("D2").getList(row("D2").fieldIndex("reasons"))).containsExactly(
                "1 invoice overdue, 59 days", "credit score 60 (risk ×1.40)", "open promise due 2025-04-10 (×0.2)");
        // a broken promise older than 30 days does not count
        assertThat(row("D5").getList(row("D5").fieldIndex("reasons"))).containsExactly(
                "1 invoice overdue, 30 days", "credit score 100 (risk ×1.00)");
    }

    @Test
    void actionableInvoicesOnly() {
        // F33 in dispute, F34 written off, F36 a credit note, F38 overpaid; F35 written off after T
        // and F37 whose dispute ended are in. Oldest due date first.
        List<Row> invoices = row("D3").getList(row("D3").fieldIndex("invoices"));
        assertThat(invoices.stream().map(i -> i.getAs("invoice_id") + " " + i.getAs("due_date") + " "
                + i.getAs("days_overdue") + " " + amount(i.getAs("remaining_eur")) + " " + i.getAs("in_dispute")))
                .containsExactly("F35 2024-12-01 120 100 false", "F31 2024-12-31 90 2000 false",
                        "F32 2025-03-01 30 500 false", "F37 2025-03-01 30 200 false");
        List<Row> example = row("D1").getList(row("D1").fieldIndex("invoices"));
        assertThat(example.stream().map(i -> i.getAs("invoice_id") + " " + amount(i.getAs("remaining_eur"))))
                .containsExactly("B 1500");
    }

    @Test
    void insolventDebtorsGoToTheLegalList() {
        assertThat(legal.stream().map(r -> r.getAs("collector_id") + " " + r.getAs("debtor_id") + " "
                + amount(r.getAs("overdue_amount_eur")) + " " + r.getAs("max_days_overdue")))
                .containsExactly("C1 D6 400 30");
        assertThat(worklist.stream().map(r -> r.<String>getAs("debtor_id")))
                .doesNotContain("D6", "D7", "D8");
    }
}
