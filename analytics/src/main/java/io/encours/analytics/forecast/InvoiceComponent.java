package io.encours.analytics.forecast;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.balances.Documents;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
 * The Spark side of the open-invoice component (docs/FORECAST.md): the delay cohorts the curves
 * are estimated from, the open invoices at every as-of date with their debtor's shift, their
 * aggregation into the small cells the driver convolves with the curves, and the per-invoice
 * explanation at T.
 */
final class InvoiceComponent {
    /** Aggregation kinds: the model's shifted age, the naive baseline's expected day. */
    static final String MODEL = "M";
    static final String BASELINE = "B";
    /** Shifted ages below this expect nothing within {@link ForecastConfig#MAX_HORIZON_DAYS}. */
    static final int AGE_LOW = DelayCurves.MIN_DELAY - ForecastConfig.MAX_HORIZON_DAYS - 1;
    /** Shifted ages from this on expect nothing (beyond the curves). */
    static final int AGE_HIGH = DelayCurves.MAX_DELAY + 1;
    /** Component of an open invoice at T, in {@code forecast_invoices}. */
    static final String IN_MODEL = "INVOICES";
    static final String IN_PROMISE = "PROMISE";
    static final String IN_DISPUTE = "DISPUTE";

    private InvoiceComponent() {
    }

    /**
     * INVOICE documents counted per segment, due date, entry delay and delay code
     * ({@link DelayCurves.Cohort}). Columns: {@code segment, due_date, entry, delay, invoices}.
     */
    static Dataset<Row> cohorts(Dataset<Row> documents) {
        Column entry = greatest(least(datediff(col("issue_date"), col("due_date")), lit(0)),
                lit(DelayCurves.MIN_DELAY));
        Column delay = when(col("settle_date").isNull(), lit(DelayCurves.NEVER))
                .otherwise(greatest(least(datediff(col("settle_date"), col("due_date")), lit(DelayCurves.BEYOND)),
                        entry));
        return documents.filter(col("document_type").equalTo("INVOICE"))
                .select(col("segment"), col("due_date"), entry.as("entry"), delay.as("delay"))
                .groupBy("segment", "due_date", "entry", "delay")
                .agg(count(lit(1)).as("invoices"));
    }

    /**
     * Open invoices (remaining > 0, not written off) at each as-of date, from
     * {@link Documents#openBalances}: documents issued ≤ a, applications dated ≤ a, disputes
     * as known at a. Columns: {@code as_of, invoice_id, debtor_id, entity_id, segment,
     * collector_id, due_date, remaining_eur, days_past_due, in_dispute}.
     */
    static Dataset<Row> openInvoices(SparkSession spark, Dataset<Row> documents, Dataset<Row> applications,
            Dataset<Row> disputes, List<LocalDate> asOfDates) {
        // Only the columns used, and only the invoices openBalances could find open at some
        // date: not written off and not fully applied by the first date (cheaper, same rows).
        Column first = lit(Date.valueOf(asOfDates.stream().min(LocalDate::compareTo).orElseThrow()));
        Dataset<Row> candidates = documents
                .filter(col("document_type").equalTo("INVOICE")
                        .and(col("written_off_date").isNull().or(col("written_off_date").gt(first)))
                        .and(col("remaining_eur").notEqual(lit(BigDecimal.ZERO).cast(SparkTypes.EUR))
                                .or(col("reached_date").isNull()).or(col("reached_date").gt(first))))
                .select("invoice_id", "debtor_id", "entity_id", "segment", "collector_id", "document_type",
                        "credited_invoice_id", "issue_date", "due_date", "amount_eur", "written_off_date",
                        "reached_date", "remaining_eur");
        return Documents.openBalances(spark, candidates, applications, disputes, asOfDates)
                .filter(col("document_type").equalTo("INVOICE")
                        .and(col("remaining_eur").gt(lit(BigDecimal.ZERO).cast(SparkTypes.EUR))))
                .select("as_of", "invoice_id", "debtor_id", "entity_id", "segment", "collector_id", "due_date",
                        "remaining_eur", "days_past_due", "in_dispute");
    }

    /** δ of a settled invoice clipped for the debtor shift. */
    private static Column clippedDelay() {
        return greatest(least(datediff(col("settle_date"), col("due_date")), lit(DelayCurves.SHIFT_CLIP_HIGH)),
                lit(DelayCurves.SHIFT_CLIP_LOW));
    }

    private static Dataset<Row> settledInvoices(Dataset<Row> documents) {
        return documents.filter(col("document_type").equalTo("INVOICE").and(col("settle_date").isNotNull()));
    }

    /**
     * s_d = n / (n + k) × (mean δ of the debtor − mean δ of its segment), over the invoices
     * settled by the as-of date; 0 without any.
     */
    static Column shift(Column settledCount, Column delaySum, Column segmentMean, double k) {
        Column n = settledCount.cast("double");
        return when(settledCount.gt(0), n.divide(n.plus(k)).multiply(delaySum.cast("double").divide(n).minus(segmentMean)))
                .otherwise(lit(0.0));
    }

    /**
     * The open invoices with their debtor's shift as known at their as-of date. The shift is
     * computed per (debtor, as-of date), not per invoice: a running sum over the union of the
     * debtor's settle events (summed per day) and one anchor row per as-of date, ordered by day,
     * over the last {@code windowDays} days (0: all history; a settle event on the as-of date
     * itself counts). Each debtor's shifts (rounded days) are then gathered into one small map
     * {as_of → days} and broadcast to the open invoices, which are never shuffled for it. Adds
     * {@code shift_days} (int) and {@code shifted_age} (days_past_due − shift_days).
     *
     * @param segmentMeans {@code sm_as_of, sm_segment, segment_mean_delay}
     */
    static Dataset<Row> withShift(SparkSession spark, Dataset<Row> open, Dataset<Row> documents,
            Dataset<Row> segmentMeans, List<LocalDate> asOfDates, double k, int windowDays) {
        LocalDate first = asOfDates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = asOfDates.stream().max(LocalDate::compareTo).orElseThrow();
        Column relevant = col("settle_date").leq(lit(Date.valueOf(last)));
        if (windowDays > 0) {
            relevant = relevant.and(col("settle_date").gt(lit(Date.valueOf(first.minusDays(windowDays)))));
        }
        Dataset<Row> events = settledInvoices(documents).filter(relevant)
                .groupBy(col("debtor_id"), col("segment"), col("settle_date").as("ev_date"))
                .agg(count(lit(1)).as("ev_n"), sum(clippedDelay()).as("ev_delay"))
                .withColumn("ev_kind", lit(0));
        Dataset<Row> dates = spark.createDataset(asOfDates.stream().map(Date::valueOf).toList(), Encoders.DATE())
                .toDF("ev_date");
        Dataset<Row> anchors = events.select("debtor_id", "segment").distinct().crossJoin(broadcast(dates))
                .withColumn("ev_kind", lit(1)).withColumn("ev_n", lit(0L)).withColumn("ev_delay", lit(0L));
        var history = Window.partitionBy("debtor_id").orderBy(col("ev_day"))
                .rangeBetween(windowDays == 0 ? Window.unboundedPreceding() : -(windowDays - 1L), Window.currentRow());
        Dataset<Row> known = anchors.unionByName(events)
                .withColumn("ev_day", datediff(col("ev_date"), lit(Date.valueOf(LocalDate.EPOCH))))
                .withColumn("debtor_settled", sum("ev_n").over(history))
                .withColumn("debtor_delay_sum", sum("ev_delay").over(history))
                .filter(col("ev_kind").equalTo(1))
                .select(col("debtor_id"), col("segment"), col("ev_date").as("as_of"), col("debtor_settled"),
                        col("debtor_delay_sum"));
        Dataset<Row> shifts = addShift(known, segmentMeans, k)
                .groupBy(col("debtor_id").as("sh_debtor_id"))
                .agg(map_from_entries(collect_list(struct(col("as_of"), round(col("debtor_shift_days")).cast("int"))))
                        .as("sh_days"));
        return open.join(broadcast(shifts), col("debtor_id").equalTo(col("sh_debtor_id")), "left")
                .withColumn("shift_days", coalesce(element_at(col("sh_days"), col("as_of")), lit(0)))
                .withColumn("shifted_age", col("days_past_due").minus(col("shift_days")))
                .drop("sh_debtor_id", "sh_days");
    }

    private static Dataset<Row> addShift(Dataset<Row> known, Dataset<Row> segmentMeans, double k) {
        return known
                .join(broadcast(segmentMeans), col("as_of").equalTo(col("sm_as_of"))
                        .and(col("segment").equalTo(col("sm_segment"))), "left")
                .withColumn("segment_mean_delay", coalesce(col("segment_mean_delay"), lit(0.0)))
                .withColumn("debtor_shift_days", shift(col("debtor_settled"), col("debtor_delay_sum"),
                        col("segment_mean_delay"), k))
                .drop("sm_as_of", "sm_segment");
    }

    /**
     * Σ remaining per (as_of, entity, segment, kind, key): kind {@value #MODEL} keyed by the
     * shifted age (clamped to [{@value #AGE_LOW}, {@value #AGE_HIGH}]) over the invoices neither
     * in dispute nor covered by an OPEN invoice-level promise; kind {@value #BASELINE} keyed by
     * the naive baseline's day max(due_date, a + 1) − a (capped at {@code days} + 1) over the
     * invoices not in dispute. Columns: {@code as_of, entity_id, segment, kind, key,
     * amount_eur}.
     *
     * @param open {@link #withShift} rows with a boolean {@code covered}
     */
    static Dataset<Row> cells(Dataset<Row> open, int days) {
        Column modelKey = greatest(least(col("shifted_age"), lit(AGE_HIGH)), lit(AGE_LOW));
        Column baselineKey = least(greatest(col("days_past_due").multiply(-1), lit(1)), lit(days + 1));
        Column kinds = array(
                struct(lit(MODEL).as("kind"), modelKey.as("key"), col("covered").unary_$bang().as("counted")),
                struct(lit(BASELINE).as("kind"), baselineKey.as("key"), lit(true).as("counted")));
        return open.filter(col("in_dispute").unary_$bang())
                .select(col("as_of"), col("entity_id"), col("segment"), col("remaining_eur"), explode(kinds).as("k"))
                .filter(col("k.counted"))
                .groupBy(col("as_of"), col("entity_id"), col("segment"), col("k.kind").as("kind"), col("k.key").as("key"))
                .agg(sum("remaining_eur").as("amount_eur"));
    }

    /** Segment means of the curves as a small table for {@link #withShift}. */
    static Dataset<Row> segmentMeanTable(SparkSession spark, Map<LocalDate, Map<String, DelayCurves.Curve>> curves,
            Collection<String> segments) {
        StructType schema = new StructType()
                .add("sm_as_of", DataTypes.DateType, false)
                .add("sm_segment", DataTypes.StringType, false)
                .add("segment_mean_delay", DataTypes.DoubleType, false);
        List<Row> rows = new ArrayList<>();
        curves.forEach((a, bySegment) -> {
            for (String segment : segments) {
                DelayCurves.Curve c = bySegment.get(segment);
                rows.add(RowFactory.create(Date.valueOf(a), segment, c == null ? 0.0 : c.meanDelay()));
            }
        });
        return spark.createDataFrame(rows, schema);
    }

    /**
     * One row per open invoice at T (remaining > 0, not written off) with what the model
     * expects of it and why. Invoices in dispute or covered by an OPEN invoice-level promise are
     * listed too, with their component and no expectation. Columns: see docs/tables/forecast.md.
     *
     * @param covered {@code cv_invoice_id, promise_id}: OPEN invoice-level promises at T
     * @param weekendKeep {@link ForecastRun#weekendKeep} at T: a likely date on a weekend day
     *     that keeps less than half of its cash moves to the next Monday
     */
    static Dataset<Row> explanations(SparkSession spark, Dataset<Row> openAtT, Dataset<Row> documents,
            Dataset<Row> covered, Map<String, DelayCurves.Curve> curvesAtT, Collection<String> segments,
            double[] weekendKeep, LocalDate snapshotDate, ForecastConfig config) {
        int h = config.horizonDays();
        Column inWindow = config.shiftWindowDays() == 0 ? lit(true)
                : col("settle_date").gt(lit(Date.valueOf(snapshotDate.minusDays(config.shiftWindowDays()))));
        Dataset<Row> history = settledInvoices(documents).filter(inWindow)
                .groupBy(col("debtor_id").as("hs_debtor_id"))
                .agg(count(lit(1)).as("debtor_settled"), sum(clippedDelay()).as("debtor_delay_sum"));
        Map<LocalDate, Map<String, DelayCurves.Curve>> atT = Map.of(snapshotDate, curvesAtT);
        Dataset<Row> known = openAtT
                .join(history, col("debtor_id").equalTo(col("hs_debtor_id")), "left").drop("hs_debtor_id")
                .withColumn("debtor_settled", coalesce(col("debtor_settled"), lit(0L)))
                .withColumn("debtor_delay_sum", coalesce(col("debtor_delay_sum"), lit(0L)));
        Dataset<Row> shifted = addShift(known, segmentMeanTable(spark, atT, segments), config.shrinkageK())
                .withColumn("shifted_age", col("days_past_due").minus(round(col("debtor_shift_days")).cast("int")));

        Dataset<Row> lookup = ageLookup(spark, curvesAtT, segments, h);
        Column age = greatest(least(col("shifted_age"), lit(AGE_HIGH)), lit(AGE_LOW));
        Column component = when(col("in_dispute"), lit(IN_DISPUTE))
                .when(col("promise_id").isNotNull(), lit(IN_PROMISE))
                .otherwise(lit(IN_MODEL));
        Column inModel = col("component").equalTo(IN_MODEL);
        Column probability = when(inModel, col("lk_within")).otherwise(lit(0.0));
        Column likely = date_add(col("as_of"), col("lk_median"));
        Column rolled = when(dayofweek(likely).equalTo(7).and(lit(weekendKeep[0] < 0.5)), date_add(likely, 2))
                .when(dayofweek(likely).equalTo(1).and(lit(weekendKeep[1] < 0.5)), date_add(likely, 1))
                .otherwise(likely);
        Column expectedDate = when(inModel.and(col("lk_median").gt(0)), rolled);
        Column expected = col("remaining_eur").cast("double").multiply(col("p_within_horizon"));
        return shifted
                .join(broadcast(covered), col("invoice_id").equalTo(col("cv_invoice_id")), "left")
                .join(broadcast(lookup), col("segment").equalTo(col("lk_segment")).and(age.equalTo(col("lk_age"))), "left")
                .withColumn("component", component)
                .withColumn("p_within_horizon", coalesce(probability, lit(0.0)))
                .withColumn("expected_date", expectedDate)
                .withColumn("expected_eur", Amounts.cents(expected))
                .withColumn("reason", reason(h))
                .select(col("invoice_id"), col("debtor_id"), col("entity_id"), col("segment"), col("collector_id"),
                        col("due_date"), col("remaining_eur"), col("days_past_due").as("age_days"),
                        col("debtor_settled").as("debtor_settled_invoices"),
                        when(col("debtor_settled").gt(0), col("debtor_delay_sum").cast("double")
                                .divide(col("debtor_settled"))).as("debtor_mean_delay_days"),
                        col("segment_mean_delay").as("segment_mean_delay_days"),
                        col("debtor_shift_days"), col("shifted_age").as("shifted_age_days"), col("component"),
                        col("promise_id"), col("p_within_horizon"), col("expected_eur"), col("expected_date"),
                        col("reason"));
    }

    /** Per segment and shifted age: P(paid within h days) and the conditional median day. */
    private static Dataset<Row> ageLookup(SparkSession spark, Map<String, DelayCurves.Curve> curves,
            Collection<String> segments, int h) {
        StructType schema = new StructType()
                .add("lk_segment", DataTypes.StringType, false)
                .add("lk_age", DataTypes.IntegerType, false)
                .add("lk_within", DataTypes.DoubleType, false)
                .add("lk_median", DataTypes.IntegerType, false);
        List<Row> rows = new ArrayList<>();
        for (String segment : segments) {
            DelayCurves.Curve c = DelayCurves.of(curves, segment);
            for (int age = Math.max(AGE_LOW, DelayCurves.MIN_DELAY - h - 1); age <= AGE_HIGH; age++) {
                rows.add(RowFactory.create(segment, age, c == null ? 0.0 : c.withinDays(age, h),
                        c == null ? 0 : c.medianDay(age, h)));
            }
        }
        return spark.createDataFrame(rows, schema);
    }

    /** e.g. "SME debtor paying 6 days later than its segment; 72 % expected within 90 days, most likely around 2025-07-14". */
    private static Column reason(int h) {
        Column days = round(col("debtor_shift_days")).cast("int");
        Column behaviour = when(col("debtor_settled").equalTo(0),
                concat(col("segment"), lit(" debtor with no settled invoice yet, taken as paying like its segment")))
                .when(days.gt(0), format_string("%s debtor paying %d days later than its segment (%d settled invoices)",
                        col("segment"), days, col("debtor_settled")))
                .when(days.lt(0), format_string("%s debtor paying %d days earlier than its segment (%d settled invoices)",
                        col("segment"), days.multiply(-1), col("debtor_settled")))
                .otherwise(format_string("%s debtor paying like its segment (%d settled invoices)",
                        col("segment"), col("debtor_settled")));
        Column outlook = when(col("p_within_horizon").lt(0.005),
                format_string("under 1 %% expected within %d days", lit(h)))
                .otherwise(format_string("%.0f %% expected within %d days, most likely around %s",
                        col("p_within_horizon").multiply(100), lit(h), col("expected_date").cast("string")));
        return when(col("component").equalTo(IN_DISPUTE),
                lit("in dispute at the snapshot date: left out of the forecast until the dispute is resolved"))
                .when(col("component").equalTo(IN_PROMISE),
                        concat(lit("covered by open promise "), col("promise_id"),
                                lit(": forecast in the promise component")))
                .otherwise(concat(behaviour, lit("; "), outlook));
    }
}
