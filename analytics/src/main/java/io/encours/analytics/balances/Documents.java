package io.encours.analytics.balances;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.cube.Dec;
import io.encours.curated.CuratedSnapshot;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The balances of METRICS.md ("Balances"): the one place where applied, remaining and
 * settle_date are computed. Every metric that needs a balance starts from here. Pure Dataset
 * transforms, no I/O.
 */
public final class Documents {
    /** Zero in the exact EUR type. */
    static final Column ZERO = lit(BigDecimal.ZERO).cast(SparkTypes.EUR);

    private Documents() {
    }

    /**
     * Applications to INVOICE documents: payments (dated payment_date) and the credit notes that
     * credit them (|amount|, dated issue_date). Columns: {@code invoice_id, applied_date,
     * applied_eur, source} ({@code PAYMENT} or {@code CREDIT_NOTE}), {@code source_id}.
     */
    public static Dataset<Row> applications(CuratedSnapshot s) {
        Dataset<Row> payments = s.payments().select(col("invoice_id"),
                col("payment_date").as("applied_date"), col("amount_eur").as("applied_eur"),
                lit("PAYMENT").as("source"), col("payment_id").as("source_id"));
        Dataset<Row> credits = s.invoices()
                .filter(col("document_type").equalTo("CREDIT_NOTE").and(col("credited_invoice_id").isNotNull()))
                .select(col("credited_invoice_id").as("invoice_id"), col("issue_date").as("applied_date"),
                        negate(col("amount_eur")).cast(SparkTypes.EUR).as("applied_eur"),
                        lit("CREDIT_NOTE").as("source"), col("invoice_id").as("source_id"));
        return payments.unionByName(credits);
    }

    /**
     * One row per document (invoice or credit note) with its debtor's dimensions and its
     * settlement. Columns: {@code invoice_id, debtor_id, entity_id, segment, collector_id,
     * scenario_id, document_type, credited_invoice_id, issue_date, due_date, amount_eur,
     * written_off_date, applied_eur} (all applications, all ≤ T), {@code reached_date} (first
     * date applied ≥ amount, ignoring write-offs), {@code settle_date} (METRICS.md: INVOICE only,
     * and before the write-off if any), {@code remaining_eur} (remaining at T).
     */
    public static Dataset<Row> documents(CuratedSnapshot s, Dataset<Row> applications) {
        Dataset<Row> debtors = s.debtors().select(col("debtor_id").as("d_id"), col("entity_id"),
                col("segment"), col("collector_id"), col("scenario_id"));
        Dataset<Row> docs = s.invoices().join(debtors, col("debtor_id").equalTo(col("d_id")))
                .select(col("invoice_id"), col("debtor_id"), col("entity_id"), col("segment"),
                        col("collector_id"), col("scenario_id"), col("document_type"),
                        col("credited_invoice_id"), col("issue_date"), col("due_date"),
                        col("amount_eur"), col("written_off_date"));

        // Cumulative applied per invoice and date (all applications of a same day together).
        Dataset<Row> daily = applications.groupBy(col("invoice_id").as("a_id"), col("applied_date"))
                .agg(sum("applied_eur").as("day_eur"));
        Dataset<Row> cumulative = daily.withColumn("cum_eur", sum("day_eur").over(
                Window.partitionBy("a_id").orderBy("applied_date")
                        .rangeBetween(Window.unboundedPreceding(), Window.currentRow())));
        Dataset<Row> amounts = docs.select(col("invoice_id").as("x_id"), col("amount_eur").as("x_amount"));
        Dataset<Row> perInvoice = cumulative
                .join(amounts, col("a_id").equalTo(col("x_id")))
                .groupBy(col("a_id"))
                .agg(max("cum_eur").as("applied_eur"),
                        min(when(col("cum_eur").geq(col("x_amount")), col("applied_date")))
                                .as("reached_date"));

        Column isInvoice = col("document_type").equalTo("INVOICE");
        Column applied = coalesce(col("applied_eur"), ZERO);
        Column settle = when(isInvoice.and(col("written_off_date").isNull()
                        .or(col("reached_date").lt(col("written_off_date")))), col("reached_date"));
        Column remaining = when(col("written_off_date").isNotNull()
                        .and(col("written_off_date").leq(lit(java.sql.Date.valueOf(s.snapshotDate())))), ZERO)
                .when(isInvoice, Dec.subtract(col("amount_eur"), applied))
                .when(col("credited_invoice_id").isNull(), col("amount_eur"))
                .otherwise(ZERO);
        return docs.join(perInvoice, col("invoice_id").equalTo(col("a_id")), "left")
                .withColumn("applied_eur", when(isInvoice, applied).otherwise(ZERO))
                .withColumn("reached_date", when(isInvoice, col("reached_date")))
                .withColumn("settle_date", settle)
                .withColumn("remaining_eur", remaining.cast(SparkTypes.EUR))
                .drop("a_id");
    }

    /**
     * remaining(d) of each document whose remaining is not zero at d, for every d of
     * {@code asOfDates} (month ends, T). A linked credit note is never open (it acts through its
     * invoice); a document stops being open at its write-off, and an invoice whose remaining at
     * T is zero stops at the date its applications reached its amount (remaining never rises:
     * applications are positive). Columns: {@code as_of}, the document columns, {@code
     * remaining_eur} (at as_of), {@code days_past_due} (as_of − due_date), {@code in_dispute}.
     */
    public static Dataset<Row> openBalances(SparkSession spark, Dataset<Row> documents,
            Dataset<Row> applications, Dataset<Row> disputes, List<LocalDate> asOfDates) {
        Dataset<Row> dates = spark.createDataset(
                asOfDates.stream().map(java.sql.Date::valueOf).toList(), Encoders.DATE()).toDF("as_of");
        Column linkedCredit = col("document_type").equalTo("CREDIT_NOTE")
                .and(col("credited_invoice_id").isNotNull());
        Column closedOnReach = when(col("document_type").equalTo("INVOICE")
                .and(col("remaining_eur").equalTo(ZERO)).and(col("written_off_date").isNull()
                        .or(col("reached_date").lt(col("written_off_date")))), col("reached_date"));
        Column openUntil = coalesce(least(col("written_off_date"), closedOnReach),
                lit(java.sql.Date.valueOf(LocalDate.of(9999, 12, 31))));
        Dataset<Row> grid = documents.filter(linkedCredit.unary_$bang())
                .withColumn("open_until", openUntil)
                .join(broadcast(dates), col("issue_date").leq(col("as_of"))
                        .and(col("as_of").lt(col("open_until"))))
                .drop("open_until", "remaining_eur", "applied_eur");

        Dataset<Row> apps = applications.select(col("invoice_id").as("ap_id"), col("applied_date"),
                col("applied_eur").as("ap_eur"));
        Dataset<Row> appliedAt = grid.select(col("invoice_id").as("g_id"), col("as_of").as("g_as_of"))
                .join(apps, col("g_id").equalTo(col("ap_id")).and(col("applied_date").leq(col("g_as_of"))))
                .groupBy("g_id", "g_as_of").agg(sum("ap_eur").as("applied_at"));
        Dataset<Row> disputed = grid.select(col("invoice_id").as("q_id"), col("as_of").as("q_as_of"))
                .join(disputes.select(col("invoice_id").as("dq_id"), col("opened_date"), col("resolved_date")),
                        col("q_id").equalTo(col("dq_id")).and(col("opened_date").leq(col("q_as_of")))
                                .and(col("resolved_date").isNull().or(col("resolved_date").gt(col("q_as_of")))))
                .select("q_id", "q_as_of").distinct().withColumn("disputed", lit(true));

        Column remainingAt = when(col("document_type").equalTo("INVOICE"),
                Dec.subtract(col("amount_eur"), coalesce(col("applied_at"), ZERO))).otherwise(col("amount_eur"));
        return grid
                .join(appliedAt, col("invoice_id").equalTo(col("g_id")).and(col("as_of").equalTo(col("g_as_of"))), "left")
                .join(disputed, col("invoice_id").equalTo(col("q_id")).and(col("as_of").equalTo(col("q_as_of"))), "left")
                .withColumn("remaining_eur", remainingAt.cast(SparkTypes.EUR))
                .withColumn("days_past_due", org.apache.spark.sql.functions.datediff(col("as_of"), col("due_date")))
                .withColumn("in_dispute", coalesce(col("disputed"), lit(false)))
                .drop("g_id", "g_as_of", "applied_at", "q_id", "q_as_of", "disputed")
                .filter(col("remaining_eur").notEqual(ZERO));
    }

    /** Month ends from the month of {@code first} to the month of T, then T itself if T is not one. */
    public static List<LocalDate> monthEnds(LocalDate first, LocalDate snapshotDate) {
        java.util.ArrayList<LocalDate> result = new java.util.ArrayList<>();
        LocalDate end = first.withDayOfMonth(first.lengthOfMonth());
        while (!end.isAfter(snapshotDate)) {
            result.add(end);
            LocalDate next = end.plusDays(1);
            end = next.withDayOfMonth(next.lengthOfMonth());
        }
        if (result.isEmpty() || !result.get(result.size() - 1).equals(snapshotDate)) {
            result.add(snapshotDate);
        }
        return result;
    }

}
