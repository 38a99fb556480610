package io.encours.analytics.balances;

import static io.encours.testing.SnapshotFixture.d;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Balances on METRICS.md's worked example and its edge cases. */
class DocumentsTest {
    private static final LocalDate T = d("2025-03-31");
    private static SparkSession spark;
    private static CuratedSnapshot curated;
    private static Dataset<Row> applications;
    private static Dataset<Row> documents;

    @BeforeAll
    static void workedExample() {
        spark = TestSpark.get();
        SnapshotFixture f = SnapshotFixture.minimal()
                .add("invoices", "A", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 1000, "EUR", null)
                .add("invoices", "B", "D1", "INVOICE", null, d("2025-02-15"), d("2025-03-17"), 2000, "EUR", null)
                .add("invoices", "C", "D1", "CREDIT_NOTE", "B", d("2025-03-10"), d("2025-03-10"), -500, "EUR", null)
                .add("invoices", "D", "D1", "INVOICE", null, d("2025-03-20"), d("2025-04-19"), 1500, "EUR", null)
                .add("payments", "P1", "A", d("2025-02-20"), 600, "TRANSFER")
                .add("payments", "P2", "A", d("2025-03-05"), 400, "TRANSFER")
                // edge cases beside the example, on another debtor of the same entity
                .add("debtors", "D2", "E1", "Two", "MICRO", null, null, null, null, null, null, null)
                // overpaid: remaining negative from 2025-02-10, open forever
                .add("invoices", "O", "D2", "INVOICE", null, d("2025-01-05"), d("2025-02-04"), 100, "EUR", null)
                .add("payments", "P3", "O", d("2025-02-10"), 130, "CARD")
                // written off on 2025-03-15 with 300 paid before: not settled, open until then
                .add("invoices", "W", "D2", "INVOICE", null, d("2025-01-05"), d("2025-02-04"), 1000, "EUR", d("2025-03-15"))
                .add("payments", "P4", "W", d("2025-02-01"), 300, "CHECK")
                // stand-alone credit note: open (negative) from its issue date
                .add("invoices", "S", "D2", "CREDIT_NOTE", null, d("2025-02-01"), d("2025-02-01"), -50, "EUR", null)
                // paid on three dates (two payments on one of them), in dispute over one month end
                .add("invoices", "M", "D2", "INVOICE", null, d("2025-01-05"), d("2025-02-04"), 900, "EUR", null)
                .add("payments", "PM1", "M", d("2025-01-20"), 100, "TRANSFER")
                .add("payments", "PM2", "M", d("2025-02-15"), 150, "TRANSFER")
                .add("payments", "PM3", "M", d("2025-02-15"), 50, "CARD")
                .add("payments", "PM4", "M", d("2025-03-10"), 300, "TRANSFER")
                .add("disputes", "X3", "M", d("2025-02-20"), d("2025-03-05"), "QUALITY")
                .add("disputes", "X1", "B", d("2025-03-01"), null, "PRICE")
                .add("disputes", "X2", "D", d("2025-03-21"), d("2025-03-25"), "PRICE");
        curated = CuratedFixture.of(spark, f, T);
        applications = Documents.applications(curated).cache();
        documents = Documents.documents(curated, applications).cache();
    }

    private static Map<String, Row> byId(Dataset<Row> rows) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(r.fieldIndex("invoice_id")), r -> r));
    }

    @Test
    void settleDatesAndRemainingAtT() {
        Map<String, Row> docs = byId(documents);
        assertThat(docs.get("A").getDate(docs.get("A").fieldIndex("settle_date"))).isEqualTo(java.sql.Date.valueOf("2025-03-05"));
        assertThat(docs.get("B").isNullAt(docs.get("B").fieldIndex("settle_date"))).isTrue();
        assertThat(docs.get("O").getDate(docs.get("O").fieldIndex("settle_date"))).isEqualTo(java.sql.Date.valueOf("2025-02-10"));
        assertThat(docs.get("W").isNullAt(docs.get("W").fieldIndex("settle_date"))).isTrue();
        assertThat(docs.get("C").isNullAt(docs.get("C").fieldIndex("settle_date"))).isTrue();
        assertThat(docs.get("M").isNullAt(docs.get("M").fieldIndex("settle_date"))).isTrue();
        Map<String, String> remaining = docs.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().getDecimal(e.getValue().fieldIndex("remaining_eur")).stripTrailingZeros().toPlainString()));
        assertThat(remaining).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A", "0", "B", "1500", "C", "0", "D", "1500", "O", "-30", "W", "0", "S", "-50", "M", "300"));
    }

    @Test
    void openBalancesAtMonthEnds() {
        List<LocalDate> dates = Documents.monthEnds(d("2025-01-10"), T);
        assertThat(dates).containsExactly(d("2025-01-31"), d("2025-02-28"), d("2025-03-31"));
        Dataset<Row> open = Documents.openBalances(spark, documents, applications, curated.disputes(), dates);
        List<String> rows = open.orderBy("as_of", "invoice_id").collectAsList().stream()
                .map(r -> r.getDate(r.fieldIndex("as_of")) + " " + r.getString(r.fieldIndex("invoice_id")) + " "
                        + r.getDecimal(r.fieldIndex("remaining_eur")).stripTrailingZeros().toPlainString() + " "
                        + r.getInt(r.fieldIndex("days_past_due")) + " " + r.getBoolean(r.fieldIndex("in_dispute")))
                .toList();
        assertThat(rows).containsExactly(
                "2025-01-31 A 1000 -9 false",
                "2025-01-31 M 800 -4 false",
                "2025-01-31 O 100 -4 false",
                "2025-01-31 W 1000 -4 false",
                "2025-02-28 A 400 19 false",
                "2025-02-28 B 2000 -17 false",
                "2025-02-28 M 600 24 true",
                "2025-02-28 O -30 24 false",
                "2025-02-28 S -50 27 false",
                "2025-02-28 W 700 24 false",
                "2025-03-31 B 1500 14 true",
                "2025-03-31 D 1500 -19 false",
                "2025-03-31 M 300 55 false",
                "2025-03-31 O -30 55 false",
                "2025-03-31 S -50 58 false");
        // AR(T) of the worked example's debtor: 3 000
        var arT = open.filter(col("as_of").equalTo(java.sql.Date.valueOf(T)).and(col("debtor_id").equalTo("D1")))
                .agg(org.apache.spark.sql.functions.sum("remaining_eur")).first().getDecimal(0);
        assertThat(arT).isEqualByComparingTo("3000");
    }
}
