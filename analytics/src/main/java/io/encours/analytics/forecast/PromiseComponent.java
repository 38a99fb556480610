package io.encours.analytics.forecast;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.cube.Dec;
import io.encours.curated.CuratedSnapshot;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The promise component of the forecast, exactly as METRICS.md ("Cash forecast", 1.), at any
 * list of as-of dates: every promise's status, the debtor's resolved promises and the segment
 * kept rates are rebuilt as they were known at each date. A promise's outcome only ever changes
 * on known dates (kept on the day its in-window payments reach the amount, broken the day after
 * its window ends), so one pass over the promises serves every as-of date.
 */
final class PromiseComponent {
    static final String KEPT = "KEPT";
    static final String BROKEN = "BROKEN";
    /** Weight of the segment's kept rate in p_keep (METRICS.md: 5). */
    static final int PRIOR_WEIGHT = 5;
    /** r_s when no promise at all is resolved (METRICS.md). */
    static final double NO_HISTORY_RATE = 0.5;
    /** KEPT tolerates one cent short (METRICS.md). */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private PromiseComponent() {
    }

    /**
     * The promises with their debtor's entity and segment and their window. Columns:
     * {@code promise_id, debtor_id, invoice_id} (null = debtor-level), {@code collector_id,
     * entity_id, segment, created_date, promised_date, window_end_date} (promised + grace),
     * {@code promised_amount_eur}.
     */
    static Dataset<Row> promises(CuratedSnapshot s, int graceDays) {
        Dataset<Row> debtors = s.debtors().select(col("debtor_id").as("pd_id"), col("entity_id"), col("segment"));
        return s.promises()
                .join(debtors, col("debtor_id").equalTo(col("pd_id")))
                .select(col("promise_id"), col("debtor_id"), col("invoice_id"), col("collector_id"),
                        col("entity_id"), col("segment"), col("created_date"), col("promised_date"),
                        date_add(col("promised_date"), graceDays).as("window_end_date"),
                        col("promised_amount_eur").cast(SparkTypes.EUR).as("promised_amount_eur"));
    }

    /**
     * The payments inside each promise's window [created_date, window_end_date], summed per
     * promise and payment date: on its invoice, or on any invoice of its debtor for a
     * debtor-level promise (credit notes are not payments). Columns: {@code w_promise_id,
     * payment_date, paid_eur}.
     */
    static Dataset<Row> windowPayments(Dataset<Row> promises, CuratedSnapshot s) {
        Dataset<Row> payments = s.payments().select(col("invoice_id").as("pay_invoice_id"),
                col("debtor_id").as("pay_debtor_id"), col("payment_date"), col("amount_eur").as("pay_eur"));
        Column inWindow = col("payment_date").geq(col("created_date"))
                .and(col("payment_date").leq(col("window_end_date")));
        // Promises are few next to payments: broadcast them, the payments are read once per join
        // and never shuffled.
        Dataset<Row> onInvoice = payments
                .join(broadcast(promises.filter(col("invoice_id").isNotNull())),
                        col("invoice_id").equalTo(col("pay_invoice_id")).and(inWindow))
                .select(col("promise_id"), col("payment_date"), col("pay_eur"));
        Dataset<Row> onDebtor = payments
                .join(broadcast(promises.filter(col("invoice_id").isNull())),
                        col("debtor_id").equalTo(col("pay_debtor_id")).and(inWindow))
                .select(col("promise_id"), col("payment_date"), col("pay_eur"));
        return onInvoice.unionByName(onDebtor)
                .groupBy(col("promise_id").as("w_promise_id"), col("payment_date"))
                .agg(sum("pay_eur").cast(SparkTypes.EUR).as("paid_eur"));
    }

    /**
     * Each promise with its final outcome as far as T knows: {@code kept_date} (the first date
     * its in-window payments reach promised − 0.01, null if they never do by T),
     * {@code resolved_date} (kept_date, else window_end_date + 1 when that is ≤ T, else null)
     * and {@code outcome} (KEPT, BROKEN, null = still open at T). At an as-of date a, a promise
     * created ≤ a is KEPT if kept_date ≤ a, BROKEN if window_end_date < a, OPEN otherwise.
     */
    static Dataset<Row> outcomes(Dataset<Row> promises, Dataset<Row> windowPayments, LocalDate snapshotDate) {
        Dataset<Row> amounts = promises.select(col("promise_id").as("k_id"), col("promised_amount_eur").as("k_amount"));
        Dataset<Row> kept = windowPayments
                .withColumn("cum_eur", sum("paid_eur").over(Window.partitionBy("w_promise_id").orderBy("payment_date")
                        .rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                .join(amounts, col("w_promise_id").equalTo(col("k_id")))
                .filter(col("cum_eur").geq(col("k_amount").minus(lit(TOLERANCE))))
                .groupBy(col("w_promise_id").as("kd_id"))
                .agg(min("payment_date").as("kept_date"));
        Column t = lit(Date.valueOf(snapshotDate));
        Column brokenOn = date_add(col("window_end_date"), 1);
        return promises.join(kept, col("promise_id").equalTo(col("kd_id")), "left").drop("kd_id")
                .withColumn("resolved_date", when(col("kept_date").isNotNull(), col("kept_date"))
                        .when(brokenOn.leq(t), brokenOn))
                .withColumn("outcome", when(col("kept_date").isNotNull(), lit(KEPT))
                        .when(brokenOn.leq(t), lit(BROKEN)));
    }

    /** Resolved promises per segment, outcome and resolution date, for {@link #segmentRates}. */
    static Dataset<Row> resolvedCounts(Dataset<Row> outcomes) {
        return outcomes.filter(col("outcome").isNotNull())
                .groupBy("segment", "outcome", "resolved_date").agg(count(lit(1)).as("promises"));
    }

    /**
     * r_s at every as-of date a, for each of {@code segments}: the kept rate of the segment's
     * promises resolved by a; the rate of all promises resolved by a when the segment has none;
     * 0.5 when none is resolved at all.
     *
     * @param counts rows of {@link #resolvedCounts}
     */
    static Map<LocalDate, Map<String, Double>> segmentRates(List<Row> counts, Collection<String> segments,
            List<LocalDate> asOfDates) {
        Map<LocalDate, Map<String, Double>> result = new HashMap<>();
        for (LocalDate a : asOfDates) {
            Map<String, long[]> bySegment = new HashMap<>();
            long allKept = 0;
            long allBroken = 0;
            for (Row r : counts) {
                if (r.getDate(r.fieldIndex("resolved_date")).toLocalDate().isAfter(a)) {
                    continue;
                }
                long n = r.getLong(r.fieldIndex("promises"));
                boolean isKept = KEPT.equals(r.getString(r.fieldIndex("outcome")));
                long[] kb = bySegment.computeIfAbsent(r.getString(r.fieldIndex("segment")), k -> new long[2]);
                kb[isKept ? 0 : 1] += n;
                if (isKept) {
                    allKept += n;
                } else {
                    allBroken += n;
                }
            }
            double allRate = allKept + allBroken > 0 ? (double) allKept / (allKept + allBroken) : NO_HISTORY_RATE;
            Map<String, Double> rates = new HashMap<>();
            for (String segment : segments) {
                long[] kb = bySegment.get(segment);
                rates.put(segment, kb != null && kb[0] + kb[1] > 0 ? (double) kb[0] / (kb[0] + kb[1]) : allRate);
            }
            result.put(a, rates);
        }
        return result;
    }

    /**
     * The contribution of every promise OPEN at each as-of date a: expected = (promised − paid
     * inside its window by a) × p_keep on max(promised_date, a + 1), p_keep = (kept_d + 5 r_s)
     * / (kept_d + broken_d + 5) with the debtor's promises resolved by a. Columns: {@code
     * as_of, promise_id, debtor_id, invoice_id, collector_id, entity_id, segment, created_date,
     * promised_date, window_end_date, promised_amount_eur, paid_in_window_eur,
     * outstanding_eur} (exact), {@code debtor_kept, debtor_broken} (long), {@code
     * segment_kept_rate, p_keep} (double), {@code expected_date, expected_eur} (double).
     */
    static Dataset<Row> contributions(SparkSession spark, Dataset<Row> outcomes, Dataset<Row> windowPayments,
            Map<LocalDate, Map<String, Double>> rates, List<LocalDate> asOfDates) {
        Dataset<Row> dates = spark.createDataset(asOfDates.stream().map(Date::valueOf).toList(), Encoders.DATE())
                .toDF("as_of");
        Dataset<Row> open = outcomes
                .join(broadcast(dates), col("created_date").leq(col("as_of"))
                        .and(col("window_end_date").geq(col("as_of")))
                        .and(col("kept_date").isNull().or(col("kept_date").gt(col("as_of")))))
                .drop("kept_date", "resolved_date", "outcome");

        Dataset<Row> paid = open.select(col("promise_id").as("pp_id"), col("as_of").as("pp_as_of"))
                .join(windowPayments, col("pp_id").equalTo(col("w_promise_id"))
                        .and(col("payment_date").leq(col("pp_as_of"))))
                .groupBy("pp_id", "pp_as_of").agg(sum("paid_eur").as("paid_so_far"));

        Dataset<Row> resolved = outcomes.filter(col("outcome").isNotNull())
                .select(col("debtor_id").as("h_debtor_id"), col("resolved_date"), col("outcome"));
        Dataset<Row> history = open.select(col("debtor_id").as("hd_id"), col("as_of").as("hd_as_of")).distinct()
                .join(resolved, col("hd_id").equalTo(col("h_debtor_id")).and(col("resolved_date").leq(col("hd_as_of"))))
                .groupBy("hd_id", "hd_as_of")
                .agg(sum(when(col("outcome").equalTo(KEPT), 1L).otherwise(0L)).as("h_kept"),
                        sum(when(col("outcome").equalTo(BROKEN), 1L).otherwise(0L)).as("h_broken"));

        Dataset<Row> rateRows = rateTable(spark, rates);
        Column kept = coalesce(col("h_kept"), lit(0L));
        Column broken = coalesce(col("h_broken"), lit(0L));
        Column pKeep = kept.cast("double").plus(col("r_rate").multiply(PRIOR_WEIGHT))
                .divide(kept.plus(broken).plus(PRIOR_WEIGHT).cast("double"));
        Column paidSoFar = coalesce(col("paid_so_far"), lit(BigDecimal.ZERO).cast(SparkTypes.EUR)).cast(SparkTypes.EUR);
        Column outstanding = Dec.subtract(col("promised_amount_eur"), col("paid_in_window_eur"));
        return open
                .join(paid, col("promise_id").equalTo(col("pp_id")).and(col("as_of").equalTo(col("pp_as_of"))), "left")
                .join(history, col("debtor_id").equalTo(col("hd_id")).and(col("as_of").equalTo(col("hd_as_of"))), "left")
                .join(broadcast(rateRows), col("as_of").equalTo(col("r_as_of")).and(col("segment").equalTo(col("r_segment"))),
                        "left")
                .withColumn("paid_in_window_eur", paidSoFar)
                .withColumn("outstanding_eur", outstanding)
                .withColumn("debtor_kept", kept)
                .withColumn("debtor_broken", broken)
                .withColumn("segment_kept_rate", col("r_rate"))
                .withColumn("p_keep", pKeep)
                .withColumn("expected_date", greatest(col("promised_date"), date_add(col("as_of"), 1)))
                .withColumn("expected_eur", col("outstanding_eur").cast("double").multiply(col("p_keep")))
                .select("as_of", "promise_id", "debtor_id", "invoice_id", "collector_id", "entity_id", "segment",
                        "created_date", "promised_date", "window_end_date", "promised_amount_eur",
                        "paid_in_window_eur", "outstanding_eur", "debtor_kept", "debtor_broken",
                        "segment_kept_rate", "p_keep", "expected_date", "expected_eur");
    }

    private static Dataset<Row> rateTable(SparkSession spark, Map<LocalDate, Map<String, Double>> rates) {
        StructType schema = new StructType()
                .add("r_as_of", DataTypes.DateType, false)
                .add("r_segment", DataTypes.StringType, false)
                .add("r_rate", DataTypes.DoubleType, false);
        List<Row> rows = new ArrayList<>();
        rates.forEach((a, bySegment) -> bySegment.forEach((segment, rate) ->
                rows.add(RowFactory.create(Date.valueOf(a), segment, rate))));
        return spark.createDataFrame(rows, schema);
    }
}
