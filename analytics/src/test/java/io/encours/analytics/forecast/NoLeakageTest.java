package io.encours.analytics.forecast;

import static io.encours.testing.SnapshotFixture.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.encours.analytics.balances.Documents;
import io.encours.curated.CuratedSnapshot;
import io.encours.testing.CuratedFixture;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forecast at a cutoff c uses only what was known at c: adding rows dated after c
 * (payments, credit notes, new invoices, promises, disputes and their resolution, a write-off)
 * changes the forecast at T but not at c.
 */
class NoLeakageTest {
    private static final LocalDate T = d("2025-06-30");
    private static final LocalDate C = d("2025-05-31");
    private static final int DAYS = 30;
    private static ForecastRun known;
    private static ForecastRun withFuture;

    @BeforeAll
    static void runBoth() {
        SparkSession spark = TestSpark.get();
        known = run(spark, fixture(false));
        withFuture = run(spark, fixture(true));
    }

    private static ForecastRun run(SparkSession spark, SnapshotFixture f) {
        CuratedSnapshot s = CuratedFixture.of(spark, f, T);
        Dataset<Row> applications = Documents.applications(s).cache();
        Dataset<Row> documents = Documents.documents(s, applications).cache();
        return ForecastRun.execute(spark, s, documents, applications, new ForecastConfig(DAYS, 2, 1, 3, 5, 0.8, 182),
                List.of(C, T), DAYS);
    }

    /** Everything up to c; with {@code future}, rows dated after c as well. */
    private static SnapshotFixture fixture(boolean future) {
        SnapshotFixture f = SnapshotFixture.minimal() // D1: SME
                .add("debtors", "D2", "E1", "Two", "MICRO", null, null, null, null, null, null, null);
        // history: D1 pays 0, 5, 12 and 30 days late; D2 8 and 20 days late
        paid(f, "H1", "D1", "2025-01-05", "2025-02-04", "2025-02-04");
        paid(f, "H2", "D1", "2025-01-20", "2025-02-19", "2025-02-24");
        paid(f, "H3", "D1", "2025-02-10", "2025-03-12", "2025-03-24");
        paid(f, "H4", "D1", "2025-03-01", "2025-03-31", "2025-04-30");
        paid(f, "H5", "D2", "2025-02-01", "2025-03-03", "2025-03-11");
        paid(f, "H6", "D2", "2025-03-01", "2025-03-31", "2025-04-20");
        f.add("payment_promises", "P5", "D1", "H1", "C1", d("2025-02-01"), d("2025-02-10"), 100, "EUR")
                .add("payment_promises", "P6", "D2", "H6", "C1", d("2025-04-10"), d("2025-04-25"), 100, "EUR");
        f.add("invoices", "O1", "D1", "INVOICE", null, d("2025-04-20"), d("2025-05-20"), 1000, "EUR", null)
                .add("invoices", "O2", "D1", "INVOICE", null, d("2025-05-16"), d("2025-06-15"), 800, "EUR", null)
                .add("invoices", "O3", "D1", "INVOICE", null, d("2025-04-10"), d("2025-05-10"), 500, "EUR",
                        future ? d("2025-06-15") : null)
                .add("payments", "PO3", "O3", d("2025-05-15"), 200, "TRANSFER")
                .add("invoices", "O4", "D2", "INVOICE", null, d("2025-04-25"), d("2025-05-25"), 300, "EUR", null)
                .add("invoices", "O5", "D2", "INVOICE", null, d("2025-04-01"), d("2025-05-01"), 250, "EUR", null)
                .add("disputes", "X1", "O5", d("2025-05-28"), future ? d("2025-06-10") : null, "PRICE")
                .add("payment_promises", "P0", "D2", "H5", "C1", d("2025-02-01"), d("2025-02-10"), 100, "EUR")
                .add("payment_promises", "P1", "D2", "O4", "C1", d("2025-05-25"), d("2025-06-05"), 300, "EUR")
                .add("payment_promises", "P2", "D1", null, "C1", d("2025-05-28"), d("2025-06-10"), 400, "EUR");
        if (future) {
            f.add("payments", "F1", "O1", d("2025-06-03"), 1000, "TRANSFER")
                    .add("payments", "F2", "O4", d("2025-06-04"), 300, "TRANSFER")
                    .add("payments", "F3", "O2", d("2025-06-02"), 150, "TRANSFER")
                    .add("invoices", "N1", "D1", "INVOICE", null, d("2025-06-02"), d("2025-07-02"), 700, "EUR", null)
                    .add("payments", "F4", "N1", d("2025-06-20"), 700, "TRANSFER")
                    .add("invoices", "CN1", "D1", "CREDIT_NOTE", "O2", d("2025-06-09"), d("2025-06-09"), -100, "EUR", null)
                    .add("disputes", "X2", "O2", d("2025-06-08"), null, "QUALITY")
                    .add("payment_promises", "P3", "D1", "O2", "C1", d("2025-06-05"), d("2025-06-12"), 650, "EUR")
                    .add("payment_promises", "P4", "D2", null, "C1", d("2025-06-12"), d("2025-06-20"), 50, "EUR");
        }
        return f;
    }

    private static void paid(SnapshotFixture f, String id, String debtor, String issue, String due, String paid) {
        f.add("invoices", id, debtor, "INVOICE", null, d(issue), d(due), 100, "EUR", null)
                .add("payments", "P-" + id, id, d(paid), 100, "TRANSFER");
    }

    private static double total(double[] values) {
        return Arrays.stream(values).sum();
    }

    @Test
    void theForecastAtTheCutoffIgnoresWhatCameAfterIt() {
        int c = known.indexOf(C);
        assertThat(withFuture.cells.keySet()).isEqualTo(known.cells.keySet());
        known.cells.forEach((cell, s) -> {
            ForecastRun.Series f = withFuture.cells.get(cell);
            for (int j = 0; j < DAYS; j++) {
                assertThat(f.promised[c][j]).as("%s promised day %d", cell, j + 1).isCloseTo(s.promised[c][j], within(1e-9));
                assertThat(f.invoices[c][j]).as("%s invoices day %d", cell, j + 1).isCloseTo(s.invoices[c][j], within(1e-9));
                assertThat(f.baseline[c][j]).as("%s baseline day %d", cell, j + 1).isCloseTo(s.baseline[c][j], within(1e-9));
            }
        });
        for (String segment : List.of("SME", "MICRO")) {
            assertThat(withFuture.curves.get(C).get(segment).survival())
                    .containsExactly(known.curves.get(C).get(segment).survival(), within(1e-12));
        }
    }

    @Test
    void theFixtureIsNotTrivial() {
        // at c: promises P1 (invoice-level) and P2 (debtor-level) are open (P5 and P6 kept, P0
        // broken before: p_keep > 0), O1 O2 O3 O4 are
        // open and O5 is in dispute; the future rows do change T and the actual cash after c.
        ForecastRun.Series all = known.cells.get(new ForecastRun.Cell("*", "*"));
        int c = known.indexOf(C);
        assertThat(total(all.promised[c])).isGreaterThan(0);
        assertThat(total(all.invoices[c])).isGreaterThan(0);
        // baseline: O1 1 000 + O2 800 + O3 300 + O4 300 (the disputed O5 is left out)
        assertThat(total(all.baseline[c])).isCloseTo(2400.0, within(1e-9));
        int t = known.indexOf(T);
        ForecastRun.Series future = withFuture.cells.get(new ForecastRun.Cell("*", "*"));
        assertThat(total(future.invoices[t])).isNotCloseTo(total(all.invoices[t]), within(1.0));
        assertThat(total(future.actual[c])).isGreaterThan(total(all.actual[c]));
    }
}
