package io.encours.analytics.promises;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.encours.curated.CuratedSnapshot;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Payment promises of METRICS.md ("Payment promises", and the promise part of the cash
 * forecast): status as of T, kept rates by month of promised_date, and the resolved counts the
 * forecast's p_keep is built on. Pure Dataset transforms, no I/O.
 */
public final class Promises {
    public static final String KEPT = "KEPT";
    public static final String BROKEN = "BROKEN";
    public static final String OPEN = "OPEN";
    /** Default grace after promised_date during which payments still count. */
    public static final int DEFAULT_GRACE_DAYS = 3;
    /** Weight of the segment rate in p_keep (METRICS.md: 5). */
    static final int PRIOR_WEIGHT = 5;
    /** r_s when no promise at all is resolved. */
    static final double NO_HISTORY_RATE = 0.5;

    private static final Column ZERO = lit(BigDecimal.ZERO).cast(SparkTypes.EUR);
    /** KEPT tolerates one cent short. */
    private static final Column TOLERANCE = lit(new BigDecimal("0.01"));
    /**
     * Operands of EUR differences: DECIMAL(38,10) − DECIMAL(38,10) would be DECIMAL(38,9) in
     * Spark (rounded at the 9th decimal); DECIMAL(37,10) operands give an exact DECIMAL(38,10).
     */
    private static final DataType EXACT_OPERAND = DataTypes.createDecimalType(37, 10);

    private Promises() {
    }

    /**
     * One row per promise with its status as of T. Payments (not credit notes) on the promise's
     * invoice, or on any invoice of its debtor for a debtor-level promise, dated in
     * [created_date, promised_date + graceDays] count, each for every promise whose window holds
     * it. Columns: {@code promise_id, debtor_id, entity_id, segment, debtor_collector_id} (the
     * debtor's current collector), {@code invoice_id} (null = debtor-level), {@code collector_id}
     * (who obtained it), {@code created_date, promised_date, window_end_date,
     * promised_amount_eur, paid_in_window_eur, kept_amount_eur, outstanding_eur} (promised −
     * kept, ≥ 0), {@code status} (KEPT, BROKEN, OPEN).
     */
    public static Dataset<Row> status(CuratedSnapshot s, int graceDays) {
        if (graceDays < 0) {
            throw new IllegalArgumentException("grace days must be ≥ 0, got " + graceDays);
        }
        Dataset<Row> promises = s.promises().select(col("promise_id"), col("debtor_id"), col("invoice_id"),
                col("collector_id"), col("created_date"), col("promised_date"),
                date_add(col("promised_date"), graceDays).as("window_end_date"),
                col("promised_amount_eur").cast(SparkTypes.EUR).as("promised_amount_eur"));
        Dataset<Row> payments = s.payments().select(col("invoice_id").as("pay_invoice_id"),
                col("debtor_id").as("pay_debtor_id"), col("payment_date"), col("amount_eur").as("pay_eur"));
        Column inWindow = col("payment_date").geq(col("created_date"))
                .and(col("payment_date").leq(col("window_end_date")));

        // Two equi-joins (never an OR in a join condition): invoice-level promises on the invoice,
        // debtor-level promises on the debtor; then one aggregation over both.
        Dataset<Row> onInvoice = promises.filter(col("invoice_id").isNotNull())
                .join(payments, col("invoice_id").equalTo(col("pay_invoice_id")).and(inWindow))
                .select(col("promise_id").as("paid_promise_id"), col("pay_eur"));
        Dataset<Row> onDebtor = promises.filter(col("invoice_id").isNull())
                .join(payments, col("debtor_id").equalTo(col("pay_debtor_id")).and(inWindow))
                .select(col("promise_id").as("paid_promise_id"), col("pay_eur"));
        Dataset<Row> paid = onInvoice.unionByName(onDebtor)
                .groupBy("paid_promise_id").agg(sum("pay_eur").as("paid_eur"));

        Dataset<Row> debtors = s.debtors().select(col("debtor_id").as("dd_id"), col("entity_id"), col("segment"),
                col("collector_id").as("debtor_collector_id"));
        Column paidEur = coalesce(col("paid_eur"), ZERO).cast(SparkTypes.EUR);
        Column kept = least(col("paid_in_window_eur"), col("promised_amount_eur")).cast(SparkTypes.EUR);
        Column t = lit(java.sql.Date.valueOf(s.snapshotDate()));
        Column keptThreshold = col("promised_amount_eur").cast(EXACT_OPERAND).minus(TOLERANCE);
        Column status = when(col("paid_in_window_eur").geq(keptThreshold), KEPT)
                .when(col("window_end_date").lt(t), BROKEN)
                .otherwise(OPEN);
        return promises
                .join(paid, col("promise_id").equalTo(col("paid_promise_id")), "left")
                .join(debtors, col("debtor_id").equalTo(col("dd_id")), "left")
                .withColumn("paid_in_window_eur", paidEur)
                .withColumn("kept_amount_eur", kept)
                .select(col("promise_id"), col("debtor_id"), col("entity_id"), col("segment"),
                        col("debtor_collector_id"), col("invoice_id"), col("collector_id"), col("created_date"),
                        col("promised_date"), col("window_end_date"), col("promised_amount_eur"),
                        col("paid_in_window_eur"), col("kept_amount_eur"),
                        col("promised_amount_eur").cast(EXACT_OPERAND)
                                .minus(col("kept_amount_eur").cast(EXACT_OPERAND)).cast(SparkTypes.EUR)
                                .as("outstanding_eur"),
                        status.as("status"));
    }

    /**
     * Kept rates by month of promised_date ({@code period} = yyyy-MM) for the group and per
     * entity, segment and collector (the promise's collector_id; promises without one count in
     * the group, entity and segment rows only). Columns: {@code period, dimension} (GROUP,
     * ENTITY, SEGMENT, COLLECTOR), {@code dimension_key} ("ALL" for GROUP), {@code promises_due,
     * promises_kept, promises_broken, promises_open, kept_rate} (kept / (kept + broken), null
     * when nothing is resolved), {@code promised_amount_eur, kept_amount_eur}. Counts add up
     * across months, so a rate over any month range is Σ kept / Σ (kept + broken).
     */
    public static Dataset<Row> keptRates(Dataset<Row> status) {
        Column dims = array(
                struct(lit("GROUP").as("dimension"), lit("ALL").as("dimension_key")),
                struct(lit("ENTITY").as("dimension"), col("entity_id").as("dimension_key")),
                struct(lit("SEGMENT").as("dimension"), col("segment").as("dimension_key")),
                struct(lit("COLLECTOR").as("dimension"), col("collector_id").as("dimension_key")));
        Dataset<Row> exploded = status
                .select(date_format(col("promised_date"), "yyyy-MM").as("period"), explode(dims).as("dim"),
                        col("status"), col("promised_amount_eur"), col("kept_amount_eur"))
                .select(col("period"), col("dim.dimension").as("dimension"),
                        col("dim.dimension_key").as("dimension_key"), col("status"),
                        col("promised_amount_eur"), col("kept_amount_eur"))
                .filter(col("dimension_key").isNotNull());
        return exploded.groupBy("period", "dimension", "dimension_key")
                .agg(count(lit(1)).as("promises_due"),
                        countStatus(KEPT).as("promises_kept"),
                        countStatus(BROKEN).as("promises_broken"),
                        countStatus(OPEN).as("promises_open"),
                        sum("promised_amount_eur").cast(SparkTypes.EUR).as("promised_amount_eur"),
                        sum("kept_amount_eur").cast(SparkTypes.EUR).as("kept_amount_eur"))
                .withColumn("kept_rate", rate(col("promises_kept"), col("promises_broken")))
                .select("period", "dimension", "dimension_key", "promises_due", "promises_kept",
                        "promises_broken", "promises_open", "kept_rate", "promised_amount_eur", "kept_amount_eur");
    }

    /**
     * r_s of the forecast: per segment present among debtors, the kept rate of all its resolved
     * promises (any date), and {@code forecast_kept_rate} = that rate, or the rate of all
     * debtors when the segment has no resolved promise, or 0.5 when no promise is resolved at
     * all. Columns: {@code segment, promises_kept, promises_broken, kept_rate,
     * forecast_kept_rate}.
     */
    public static Dataset<Row> segmentRates(Dataset<Row> status, Dataset<Row> debtors) {
        Dataset<Row> bySegment = status.groupBy(col("segment").as("s_segment"))
                .agg(countStatus(KEPT).as("promises_kept"), countStatus(BROKEN).as("promises_broken"));
        Dataset<Row> overall = status.agg(countStatus(KEPT).as("all_kept"), countStatus(BROKEN).as("all_broken"))
                .withColumn("all_rate", coalesce(rate(col("all_kept"), col("all_broken")), lit(NO_HISTORY_RATE)));
        Dataset<Row> segments = debtors.select(col("segment")).distinct();
        return segments.join(bySegment, col("segment").equalTo(col("s_segment")), "left")
                .select(col("segment"),
                        coalesce(col("promises_kept"), lit(0L)).as("promises_kept"),
                        coalesce(col("promises_broken"), lit(0L)).as("promises_broken"))
                .crossJoin(broadcast(overall))
                .withColumn("kept_rate", rate(col("promises_kept"), col("promises_broken")))
                .withColumn("forecast_kept_rate", coalesce(col("kept_rate"), col("all_rate")))
                .select("segment", "promises_kept", "promises_broken", "kept_rate", "forecast_kept_rate");
    }

    /**
     * Per debtor with at least one promise: its resolved counts kept_d and broken_d (all dates,
     * as of T), its open count, its segment's r_s and {@code p_keep = (kept_d + 5 × r_s) /
     * (kept_d + broken_d + 5)}. Columns: {@code debtor_id, segment, promises_kept,
     * promises_broken, promises_open, segment_kept_rate, p_keep}.
     */
    public static Dataset<Row> debtorStats(Dataset<Row> status, Dataset<Row> segmentRates) {
        Dataset<Row> rates = segmentRates.select(col("segment").as("r_segment"),
                col("forecast_kept_rate").as("segment_kept_rate"));
        return status.groupBy("debtor_id", "segment")
                .agg(countStatus(KEPT).as("promises_kept"), countStatus(BROKEN).as("promises_broken"),
                        countStatus(OPEN).as("promises_open"))
                .join(broadcast(rates), col("segment").equalTo(col("r_segment")), "left")
                .withColumn("p_keep", col("promises_kept").plus(col("segment_kept_rate").multiply(PRIOR_WEIGHT))
                        .divide(col("promises_kept").plus(col("promises_broken")).plus(PRIOR_WEIGHT)))
                .select("debtor_id", "segment", "promises_kept", "promises_broken", "promises_open",
                        "segment_kept_rate", "p_keep");
    }

    private static Column countStatus(String value) {
        return sum(when(col("status").equalTo(value), 1L).otherwise(0L));
    }

    /** kept / (kept + broken) as a double; null when nothing is resolved. */
    static Column rate(Column kept, Column broken) {
        return when(kept.plus(broken).gt(0), kept.cast("double").divide(kept.plus(broken)));
    }
}
