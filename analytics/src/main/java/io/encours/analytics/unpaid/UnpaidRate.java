package io.encours.analytics.unpaid;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import io.encours.analytics.cube.Cube;
import io.encours.analytics.cube.Dec;
import io.encours.analytics.cube.Periods;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Unpaid rate (taux d'impayés) of METRICS.md. Cohort = INVOICE documents with due_date in
 * month M; {@code unpaid_90} = the remaining at due_date + 90 ignoring write-offs (a
 * write-off is a loss: it stays unpaid), not floored at 0; {@code unpaid_rate = Σ unpaid_90 /
 * Σ amount}; final when last day of M + 90 ≤ T, otherwise provisional.
 *
 * <p>{@code Documents.openBalances} zeroes a document at its write-off, so unpaid_90 is
 * computed here, and only here, from {@code Documents.applications}.
 */
public final class UnpaidRate {
    /** Days after the due date at which the unpaid part is measured. */
    public static final int HORIZON_DAYS = 90;

    private UnpaidRate() {
    }

    /**
     * The cohorts at leaf grain: one row per due month ({@code period_start}, first day) and
     * leaf cell ({@code entity_key, segment_key, collector_key}) with {@code invoices}
     * (count), {@code amount_due} (Σ amount_eur) and {@code amount_unpaid} (Σ unpaid_90 =
     * Σ amount_eur − Σ applied_eur of their applications — payments and credit notes — dated
     * ≤ due_date + 90). Write-offs are ignored; nothing is floored.
     *
     * <p>Σ unpaid_90 is summed as Σ amount − Σ applications instead of per invoice: the
     * applications meet their invoice's due date in one join, and nothing is joined back.
     */
    public static Dataset<Row> cohorts(Dataset<Row> documents, Dataset<Row> applications) {
        Dataset<Row> invoices = Cube.withLeafKeys(documents.filter(col("document_type").equalTo("INVOICE")));
        Dataset<Row> due = invoices.select(col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY),
                trunc(col("due_date"), "month").as("period_start"), lit(1L).as("invoices"),
                col("amount_eur").as("amount_due"), Dec.zero().as("applied_90"));
        Dataset<Row> applied = invoices.select(col("invoice_id").as("i_id"), col("due_date"), col(Cube.ENTITY_KEY),
                        col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY))
                .join(applications.select(col("invoice_id").as("a_id"), col("applied_date"), col("applied_eur")),
                        col("i_id").equalTo(col("a_id"))
                                .and(col("applied_date").leq(date_add(col("due_date"), HORIZON_DAYS))))
                .select(col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY),
                        trunc(col("due_date"), "month").as("period_start"), lit(0L).as("invoices"),
                        Dec.zero().as("amount_due"), col("applied_eur").as("applied_90"));
        return due.unionByName(applied)
                .groupBy(col("period_start"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY))
                .agg(sum("invoices").as("invoices"), sum("amount_due").as("amount_due"),
                        sum("applied_90").as("applied_90"))
                .withColumn("amount_unpaid", Dec.subtract(col("amount_due"), col("applied_90")))
                .drop("applied_90");
    }

    /**
     * Table {@code fin_unpaid_rate}: one row per due month present among the invoices and
     * cube cell (every cell at every due month). Columns {@code period} (due month),
     * {@code period_start, period_end}, the keys, {@code invoices, amount_due, amount_unpaid,
     * unpaid_rate, final, final_on} (period_end + 90: the day the cohort becomes final).
     */
    public static Dataset<Row> table(Dataset<Row> cells, Dataset<Row> cohorts, LocalDate snapshotDate) {
        Dataset<Row> cube = Cube.sum(cohorts, List.of("period_start"), List.of("invoices", "amount_due", "amount_unpaid"));
        // every due month present: the group cell holds them all (no second pass over the invoices)
        Dataset<Row> months = cube.filter(col(Cube.ENTITY_KEY).equalTo(Cube.ALL).and(col(Cube.SEGMENT_KEY).equalTo(Cube.ALL))
                .and(col(Cube.COLLECTOR_KEY).equalTo(Cube.ALL))).select("period_start");
        Dataset<Row> grid = cells.crossJoin(broadcast(months));
        return grid.join(cube, scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of("period_start", Cube.ENTITY_KEY, Cube.SEGMENT_KEY, Cube.COLLECTOR_KEY)).toList(), "left")
                .select(Periods.MONTH.label(col("period_start")).as("period"), col("period_start"),
                        last_day(col("period_start")).as("period_end"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY),
                        col(Cube.COLLECTOR_KEY), coalesce(col("invoices"), lit(0L)).as("invoices"),
                        coalesce(col("amount_due"), Dec.zero()).as("amount_due"),
                        coalesce(col("amount_unpaid"), Dec.zero()).as("amount_unpaid"),
                        Dec.div(col("amount_unpaid"), col("amount_due")).as("unpaid_rate"),
                        date_add(last_day(col("period_start")), HORIZON_DAYS).leq(lit(Date.valueOf(snapshotDate)))
                                .as("final"),
                        date_add(last_day(col("period_start")), HORIZON_DAYS).as("final_on"));
    }
}
