package io.encours.ingestion;

import static io.encours.testing.SnapshotFixture.d;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.contract.Contract;
import io.encours.ingestion.rules.ClassifiedTable;
import io.encours.ingestion.rules.SnapshotValidation;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The contract's bad-input rules one by one, on a handful of rows each. */
class SnapshotValidationTest {
    private static final LocalDate T = d("2025-03-31");
    private final SparkSession spark = TestSpark.get();

    private Map<String, ClassifiedTable> classify(SnapshotFixture fixture) {
        return SnapshotValidation.classify(fixture.conformed(spark), T, Dataset::cache);
    }

    /** "id:REASON" (or "id:OK") for every distinct row of a table. */
    private static List<String> outcome(Map<String, ClassifiedTable> result, String table) {
        var t = Contract.table(table);
        var key = t.key().stream().map(k -> col(k).cast("string")).toArray(org.apache.spark.sql.Column[]::new);
        return result.get(table).rows()
                .select(concat_ws(":", concat_ws("|", key), coalesce(col("_reason"), lit("OK"))))
                .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }

    @Test
    void cleanRowsAreAcceptedAndConvertedAtTheInvoiceRate() {
        SnapshotFixture f = SnapshotFixture.minimal()
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 1000, "EUR", null)
                .add("invoices", "I2", "D1", "INVOICE", null, d("2025-02-15"), d("2025-03-17"), 2000, "USD", null)
                // Credits I2: uses I2's rate (0.8 on 2025-02-15), not the rate of its own date or currency.
                .add("invoices", "CN1", "D1", "CREDIT_NOTE", "I2", d("2025-03-10"), d("2025-03-10"), -500, "GBP", null)
                .add("invoices", "CN2", "D1", "CREDIT_NOTE", null, d("2025-01-20"), d("2025-01-20"), -100, "USD", null)
                .add("payments", "P1", "I2", d("2025-03-01"), 600, "TRANSFER")
                .add("payment_promises", "PR1", "D1", "I2", "C1", d("2025-01-31"), d("2025-04-10"), 100, "USD")
                .add("dunning_actions", "A1", "D1", null, "S1", 1, "EMAIL", d("2025-03-20"), null, false)
                .add("disputes", "X1", "CN1", d("2025-03-12"), null, "PRICE");
        Map<String, ClassifiedTable> result = classify(f);

        assertThat(outcome(result, "invoices")).containsExactly("CN1:OK", "CN2:OK", "I1:OK", "I2:OK");
        Map<String, BigDecimal> eur = result.get("invoices").accepted().collectAsList().stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.getString(0),
                        r -> r.getDecimal(r.fieldIndex("amount_eur"))));
        assertThat(eur.get("I1")).isEqualByComparingTo("1000");
        assertThat(eur.get("I2")).isEqualByComparingTo("1600");      // 2000 × 0.8
        assertThat(eur.get("CN1")).isEqualByComparingTo("-400");     // −500 × I2's 0.8
        assertThat(eur.get("CN2")).isEqualByComparingTo("-90");      // −100 × 0.9 (rate of 2025-01-01)
        Row payment = result.get("payments").accepted().first();
        assertThat(payment.getDecimal(payment.fieldIndex("amount_eur"))).isEqualByComparingTo("480");
        assertThat(payment.getString(payment.fieldIndex("debtor_id"))).isEqualTo("D1");
        Row promise = result.get("payment_promises").accepted().first();
        assertThat(promise.getDecimal(promise.fieldIndex("promised_amount_eur"))).isEqualByComparingTo("90");
        assertThat(outcome(result, "dunning_actions")).containsExactly("A1:OK");
        assertThat(outcome(result, "disputes")).containsExactly("X1:OK");
    }

    @Test
    void rowRulesGiveTheFirstReasonInContractOrder() {
        SnapshotFixture f = SnapshotFixture.minimal()
                .add("entities", "E2", null, "FR")                                   // MISSING_REQUIRED
                .add("collectors", "C2", "   ", null)                                // blank: MISSING_REQUIRED
                .add("debtors", "D2", "E1", "Two", "sme", null, null, null, null, null, null, null)  // BAD_ENUM
                .add("debtors", "D3", "E1", "Three", "SME", "Z", null, null, null, null, null, null) // BAD_ENUM sector
                .add("debtors", "D4", "E1", "Four", "MICRO", null, null, null, null, 101, null, null) // BAD_AMOUNT score
                .add("debtors", "D5", null, "Five", "bad", null, null, null, null, null, null, null) // missing wins
                .add("invoices", "I0", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 0, "EUR", null)
                .add("invoices", "I1", "D1", "CREDIT_NOTE", null, d("2025-01-10"), d("2025-02-09"), 10, "EUR", null)
                .add("invoices", "I2", "D1", "INV", null, d("2025-01-10"), d("2025-02-09"), 10, "EUR", null)
                .add("invoices", "I3", "D1", "INVOICE", null, d("2025-01-10"), d("2025-01-09"), 10, "EUR", null)
                .add("invoices", "I4", "D1", "INVOICE", null, d("2025-04-01"), d("2025-05-01"), 10, "EUR", null)
                .add("invoices", "I5", "D1", "INVOICE", null, d("2025-04-01"), d("2025-05-01"), -1, "EUR", null)
                // due date and write-off after T are fine
                .add("invoices", "I6", "D1", "INVOICE", null, d("2025-03-01"), d("2025-04-30"), 10, "EUR", d("2025-05-01"))
                .add("payments", "P1", "I6", d("2025-03-02"), -5, "TRANSFER")
                .add("payments", "P2", "I6", d("2025-04-02"), 5, "WIRE")
                .add("payments", "P3", "I6", d("2025-04-02"), 5, null)
                .add("fx_rates", "GBP", d("2025-01-01"), 0)
                .add("payment_promises", "PR1", "D1", null, null, d("2025-03-01"), d("2025-02-01"), 10, "EUR")
                .add("payment_promises", "PR2", "D1", null, null, d("2025-03-01"), d("2025-03-02"), 0, "EUR")
                .add("payment_promises", "PR3", "D1", null, null, d("2025-04-01"), d("2025-04-02"), 10, "EUR")
                .add("dunning_actions", "A1", "D1", null, null, null, "FAX", d("2025-03-01"), null, null)
                .add("dunning_actions", "A2", "D1", null, null, null, "SMS", d("2025-04-01"), null, null)
                .add("disputes", "X1", "I6", d("2025-03-10"), d("2025-03-09"), "PRICE")
                .add("disputes", "X2", "I6", d("2025-03-10"), d("2025-06-01"), "price")
                .add("disputes", "X3", "I6", d("2025-04-10"), null, "PRICE");
        Map<String, ClassifiedTable> result = classify(f);

        assertThat(outcome(result, "entities")).containsExactly("E1:OK", "E2:MISSING_REQUIRED");
        assertThat(outcome(result, "collectors")).containsExactly("C1:OK", "C2:MISSING_REQUIRED");
        assertThat(outcome(result, "debtors")).containsExactly("D1:OK", "D2:BAD_ENUM", "D3:BAD_ENUM",
                "D4:BAD_AMOUNT", "D5:MISSING_REQUIRED");
        assertThat(outcome(result, "invoices")).containsExactly("I0:BAD_AMOUNT", "I1:BAD_AMOUNT",
                "I2:BAD_ENUM", "I3:BAD_DATE_ORDER", "I4:FUTURE_DATE", "I5:BAD_AMOUNT", "I6:OK");
        assertThat(outcome(result, "payments")).containsExactly("P1:BAD_AMOUNT", "P2:BAD_ENUM",
                "P3:FUTURE_DATE");
        assertThat(outcome(result, "fx_rates")).containsExactly("GBP|2025-01-01:BAD_AMOUNT",
                "USD|2025-01-01:OK", "USD|2025-02-01:OK");
        assertThat(outcome(result, "payment_promises")).containsExactly("PR1:BAD_DATE_ORDER",
                "PR2:BAD_AMOUNT", "PR3:FUTURE_DATE");
        assertThat(outcome(result, "dunning_actions")).containsExactly("A1:BAD_ENUM", "A2:FUTURE_DATE");
        assertThat(outcome(result, "disputes")).containsExactly("X1:BAD_DATE_ORDER", "X2:BAD_ENUM",
                "X3:FUTURE_DATE");
    }

    @Test
    void conflictingDuplicatesAreAllRejectedAndExactDuplicatesCollapsed() {
        SnapshotFixture f = SnapshotFixture.minimal()
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 100, "EUR", null)
                .add("payments", "P1", "I1", d("2025-03-01"), 10, "TRANSFER")
                .add("payments", "P1", "I1", d("2025-03-01"), 20, "TRANSFER")
                // a copy that fails a row rule keeps its own reason; the others get DUPLICATE_ID
                .add("payments", "P2", "I1", d("2025-03-01"), 10, "TRANSFER")
                .add("payments", "P2", "I1", d("2025-03-01"), -10, "TRANSFER")
                // three identical rows: one row, two collapsed
                .add("payments", "P3", "I1", d("2025-03-02"), 30, "CARD")
                .add("payments", "P3", "I1", d("2025-03-02"), 30, "CARD")
                .add("payments", "P3", "I1", d("2025-03-02"), 30, "CARD")
                // fx_rates' key is (currency, rate_date)
                .add("fx_rates", "GBP", d("2025-01-01"), 1.1)
                .add("fx_rates", "GBP", d("2025-01-01"), 1.2);
        Map<String, ClassifiedTable> result = classify(f);

        assertThat(outcome(result, "payments")).containsExactly("P1:DUPLICATE_ID", "P1:DUPLICATE_ID",
                "P2:BAD_AMOUNT", "P2:DUPLICATE_ID", "P3:OK");
        Row copies = result.get("payments").rows().filter(col("payment_id").equalTo("P3"))
                .select("_copies").first();
        assertThat(copies.getLong(0)).isEqualTo(3);
        assertThat(outcome(result, "fx_rates")).containsExactly("GBP|2025-01-01:DUPLICATE_ID",
                "GBP|2025-01-01:DUPLICATE_ID", "USD|2025-01-01:OK", "USD|2025-02-01:OK");
    }

    @Test
    void referencesAreUnknownOrRejectedParentsAndCascade() {
        SnapshotFixture f = SnapshotFixture.minimal()
                // unknown collector: the debtor is rejected, everything of it cascades
                .add("debtors", "D2", "E1", "Two", "SME", null, null, "C9", null, null, null, null)
                .add("invoices", "I2", "D2", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 100, "EUR", null)
                .add("payments", "P2", "I2", d("2025-03-01"), 10, "TRANSFER")
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 100, "EUR", null)
                .add("invoices", "CN1", "D1", "CREDIT_NOTE", null, d("2025-01-11"), d("2025-01-11"), -10, "EUR", null)
                // a payment on a credit note, and a credit note crediting a credit note: unknown
                .add("payments", "P3", "CN1", d("2025-03-01"), 10, "TRANSFER")
                .add("invoices", "CN2", "D1", "CREDIT_NOTE", "CN1", d("2025-01-12"), d("2025-01-12"), -5, "EUR", null)
                // crediting a rejected invoice: parent rejected; an INVOICE's credited_invoice_id is ignored
                .add("invoices", "CN3", "D1", "CREDIT_NOTE", "I2", d("2025-01-12"), d("2025-01-12"), -5, "EUR", null)
                .add("invoices", "I3", "D1", "INVOICE", "NOPE", d("2025-01-12"), d("2025-02-12"), 5, "EUR", null)
                // an unknown reference wins over a rejected parent
                .add("dunning_actions", "A1", "D9", "I2", null, null, "CALL", d("2025-03-01"), null, null)
                .add("dunning_actions", "A2", "D1", "I2", null, null, "CALL", d("2025-03-01"), "C1", null)
                .add("dunning_actions", "A3", "D1", "CN1", "S9", null, "CALL", d("2025-03-01"), null, null)
                // disputes and promises may point to any document
                .add("disputes", "X1", "CN1", d("2025-03-01"), null, null)
                .add("disputes", "X2", "I2", d("2025-03-01"), null, null)
                .add("payment_promises", "PR1", "D1", "CN1", "C1", d("2025-03-01"), d("2025-03-05"), 5, "EUR")
                .add("payment_promises", "PR2", "D2", null, "C9", d("2025-03-01"), d("2025-03-05"), 5, "EUR");
        Map<String, ClassifiedTable> result = classify(f);

        assertThat(outcome(result, "debtors")).containsExactly("D1:OK", "D2:UNKNOWN_REFERENCE");
        assertThat(outcome(result, "invoices")).containsExactly("CN1:OK", "CN2:UNKNOWN_REFERENCE",
                "CN3:PARENT_REJECTED", "I1:OK", "I2:PARENT_REJECTED", "I3:OK");
        assertThat(outcome(result, "payments")).containsExactly("P2:PARENT_REJECTED",
                "P3:UNKNOWN_REFERENCE");
        assertThat(outcome(result, "dunning_actions")).containsExactly("A1:UNKNOWN_REFERENCE",
                "A2:PARENT_REJECTED", "A3:UNKNOWN_REFERENCE");
        assertThat(outcome(result, "disputes")).containsExactly("X1:OK", "X2:PARENT_REJECTED");
        assertThat(outcome(result, "payment_promises")).containsExactly("PR1:OK",
                "PR2:UNKNOWN_REFERENCE");
    }

    @Test
    void aRateIsTheLatestAcceptedOneAtTheRequiredDate() {
        SnapshotFixture f = SnapshotFixture.minimal()
                // the 2025-02-01 GBP rate is rejected (duplicate): the 2025-01-01 one applies
                .add("fx_rates", "GBP", d("2025-01-01"), 1.1)
                .add("fx_rates", "GBP", d("2025-02-01"), 1.2)
                .add("fx_rates", "GBP", d("2025-02-01"), 1.3)
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-02-10"), d("2025-03-09"), 100, "GBP", null)
                .add("invoices", "I2", "D1", "INVOICE", null, d("2025-02-10"), d("2025-03-09"), 100, "JPY", null)
                .add("invoices", "I3", "D1", "INVOICE", null, d("2024-12-31"), d("2025-01-30"), 100, "USD", null)
                .add("invoices", "CN1", "D1", "CREDIT_NOTE", null, d("2025-02-10"), d("2025-02-10"), -10, "JPY", null)
                // a credit note of an invoice needs no rate of its own
                .add("invoices", "CN2", "D1", "CREDIT_NOTE", "I1", d("2025-03-10"), d("2025-03-10"), -10, "JPY", null)
                .add("payments", "P2", "I2", d("2025-03-01"), 10, "TRANSFER")
                .add("payment_promises", "PR1", "D1", null, null, d("2025-03-01"), d("2025-03-05"), 5, "JPY")
                .add("payment_promises", "PR2", "D1", null, null, d("2025-03-01"), d("2025-03-05"), 5, "GBP");
        Map<String, ClassifiedTable> result = classify(f);

        assertThat(outcome(result, "invoices")).containsExactly("CN1:MISSING_FX_RATE", "CN2:OK",
                "I1:OK", "I2:MISSING_FX_RATE", "I3:MISSING_FX_RATE");
        Map<String, BigDecimal> eur = result.get("invoices").accepted().collectAsList().stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.getString(0),
                        r -> r.getDecimal(r.fieldIndex("amount_eur"))));
        assertThat(eur.get("I1")).isEqualByComparingTo("110");
        assertThat(eur.get("CN2")).isEqualByComparingTo("-11");
        assertThat(outcome(result, "payments")).containsExactly("P2:PARENT_REJECTED");
        assertThat(outcome(result, "payment_promises")).containsExactly("PR1:MISSING_FX_RATE", "PR2:OK");
    }

    @Test
    void rejectsCarryTheOriginalRowWithItsExtraColumns() {
        SnapshotFixture f = SnapshotFixture.minimal()
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 0, "EUR", null);
        var conformed = f.conformed(spark);
        var invoices = conformed.get("invoices");
        var withExtra = io.encours.ingestion.schema.SchemaConformer.conform(Contract.INVOICES,
                f.dataset(spark, "invoices").withColumn("erp_ref", lit("X-1")));
        conformed.put("invoices", withExtra);
        Map<String, ClassifiedTable> result = SnapshotValidation.classify(conformed, T, Dataset::cache);

        assertThat(invoices.extraColumns()).isEmpty();
        assertThat(result.get("invoices").extraColumns()).containsExactly("erp_ref");
        Row reject = result.get("invoices").rejects().first();
        assertThat(reject.getString(0)).isEqualTo("invoices");
        assertThat(reject.getString(1)).isEqualTo("BAD_AMOUNT");
        assertThat(reject.getString(2)).isEqualTo("{\"invoice_id\":\"I1\",\"debtor_id\":\"D1\","
                + "\"document_type\":\"INVOICE\",\"credited_invoice_id\":null,\"issue_date\":\"2025-01-10\","
                + "\"due_date\":\"2025-02-09\",\"amount\":0.00,\"currency\":\"EUR\",\"written_off_date\":null,"
                + "\"erp_ref\":\"X-1\"}");
    }
}
