package io.encours.analytics.attribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.encours.curated.CuratedSnapshot;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Attribution of payments to dunning actions (METRICS.md): a payment on invoice i dated t goes
 * to the most recent action dated in [t − window, t] that targets i (an action on i, or a
 * debtor-level action of i's debtor); ties on the date go to the invoice-level action, then to
 * the greatest action_id as a string. Credit notes are not payments. Pure Dataset transforms.
 */
public final class Attribution {
    /** Default attribution window in days. */
    public static final int DEFAULT_WINDOW_DAYS = 14;
    public static final String INVOICE_LEVEL = "INVOICE";
    public static final String DEBTOR_LEVEL = "DEBTOR";

    private static final Column ZERO = lit(BigDecimal.ZERO).cast(SparkTypes.EUR);
    private static final int INVOICE_RANK = 1;
    private static final int DEBTOR_RANK = 0;
    private static final StructType CANDIDATE = DataTypes.createStructType(new StructField[] {
            DataTypes.createStructField("action_date", DataTypes.DateType, true),
            DataTypes.createStructField("level_rank", DataTypes.IntegerType, true),
            DataTypes.createStructField("action_id", DataTypes.StringType, true),
            DataTypes.createStructField("scenario_id", DataTypes.StringType, true),
            DataTypes.createStructField("step", DataTypes.IntegerType, true),
            DataTypes.createStructField("channel", DataTypes.StringType, true),
            DataTypes.createStructField("collector_id", DataTypes.StringType, true)});

    private Attribution() {
    }

    /**
     * Every payment with its attributed action, or nulls when none. Columns: {@code payment_id,
     * invoice_id, debtor_id, payment_date, amount_eur, action_id, action_date, action_level}
     * (INVOICE or DEBTOR), {@code days_from_action} (payment_date − action_date, 0..window), and
     * the action's {@code action_scenario_id, action_step, action_channel, action_collector_id}.
     *
     * <p>An as-of join in two passes, without join, aggregation or candidate pairs: the most
     * recent action at a payment's date is the last action before it in date order. Pass 1
     * puts payments and invoice-level actions of each invoice in one stream ordered by (date,
     * actions before payments, action_id) and carries the last action seen to each payment
     * (a running window, partitioned by invoice_id); pass 2 does the same with debtor-level
     * actions per debtor_id. Each candidate counts only if dated ≥ payment_date − window, and
     * the better of the two is the greater (date, level, action_id): same date → invoice level;
     * same date and level → the greatest action_id, the last in the stream. Cost: two shuffles
     * and sorts of payments + actions, linear in rows whatever the skew.
     */
    public static Dataset<Row> payments(CuratedSnapshot s, int windowDays) {
        if (windowDays < 0) {
            throw new IllegalArgumentException("attribution window must be ≥ 0 days, got " + windowDays);
        }
        Dataset<Row> actions = s.dunningActions();
        Column noCandidate = lit(null).cast(CANDIDATE);
        Column noString = lit(null).cast(DataTypes.StringType);
        Column noAmount = lit(null).cast(SparkTypes.EUR);

        // Pass 1, per invoice: payments (kind 1, tie = payment_id) come after the actions (kind 0,
        // tie = action_id) of the same date. Rows carry each value once (narrow shuffles).
        Dataset<Row> payments = s.payments().select(col("invoice_id"), col("payment_date").as("event_date"),
                lit(1).as("kind"), col("payment_id").as("tie"), col("debtor_id"),
                col("amount_eur").cast(SparkTypes.EUR).as("amount_eur"), noCandidate.as("candidate"));
        Dataset<Row> invoiceActions = actions.filter(col("invoice_id").isNotNull()).select(col("invoice_id"),
                col("action_date").as("event_date"), lit(0).as("kind"), col("action_id").as("tie"),
                noString.as("debtor_id"), noAmount.as("amount_eur"), candidate(INVOICE_RANK).as("candidate"));
        Dataset<Row> withInvoiceBest = lastCandidate(payments.unionByName(invoiceActions), "invoice_id", windowDays)
                .withColumnRenamed("best", "invoice_best");

        // Pass 2, per debtor, with the debtor-level actions.
        Dataset<Row> debtorActions = actions.filter(col("invoice_id").isNull()).select(col("debtor_id"),
                col("action_date").as("event_date"), lit(0).as("kind"), col("action_id").as("tie"),
                noString.as("invoice_id"), noAmount.as("amount_eur"), noCandidate.as("invoice_best"),
                candidate(DEBTOR_RANK).as("candidate"));
        Dataset<Row> best = lastCandidate(withInvoiceBest.withColumn("candidate", noCandidate)
                .unionByName(debtorActions), "debtor_id", windowDays);
        Column chosen = greatest(col("invoice_best"), col("best"));
        return best.select(col("tie").as("payment_id"), col("invoice_id"), col("debtor_id"),
                col("event_date").as("payment_date"), col("amount_eur"), chosen.as("best"))
                .select(col("payment_id"), col("invoice_id"), col("debtor_id"), col("payment_date"),
                        col("amount_eur"), col("best.action_id").as("action_id"),
                        col("best.action_date").as("action_date"),
                        when(col("best.level_rank").equalTo(INVOICE_RANK), INVOICE_LEVEL)
                                .when(col("best.level_rank").equalTo(DEBTOR_RANK), DEBTOR_LEVEL).as("action_level"),
                        datediff(col("payment_date"), col("best.action_date")).as("days_from_action"),
                        col("best.scenario_id").as("action_scenario_id"), col("best.step").as("action_step"),
                        col("best.channel").as("action_channel"), col("best.collector_id").as("action_collector_id"));
    }

    /**
     * The payment rows (kind 1) of event streams keyed by {@code stream}, each with {@code best}:
     * the last candidate before it in its stream if dated within the window, else null.
     */
    private static Dataset<Row> lastCandidate(Dataset<Row> events, String stream, int windowDays) {
        WindowSpec running = Window.partitionBy(col(stream)).orderBy("event_date", "kind", "tie")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        return events.withColumn("best", last(col("candidate"), true).over(running))
                .filter(col("kind").equalTo(1))
                .withColumn("best", when(col("best.action_date").geq(date_sub(col("event_date"), windowDays)),
                        col("best")))
                .drop("candidate");
    }

    /**
     * The actions with at least one attributed payment. Columns: {@code action_id, action_date,
     * scenario_id, step, channel, collector_id} (the action's), {@code attributed_payments,
     * attributed_eur, days_to_first_payment} (days from the action to its first attributed
     * payment).
     */
    public static Dataset<Row> respondingActions(Dataset<Row> attribution) {
        return attribution.filter(col("action_id").isNotNull())
                .groupBy(col("action_id"), col("action_date"), col("action_scenario_id").as("scenario_id"),
                        col("action_step").as("step"), col("action_channel").as("channel"),
                        col("action_collector_id").as("collector_id"))
                .agg(count(lit(1)).as("attributed_payments"),
                        sum("amount_eur").cast(SparkTypes.EUR).as("attributed_eur"),
                        min("days_from_action").as("days_to_first_payment"));
    }

    /**
     * The actions summed at the grain both scenario effectiveness and collector performance
     * need: one row per (month of action_date, scenario_id, step, channel, collector_id), keys
     * as in the actions (nullable). Columns: {@code action_month} (yyyy-MM), {@code scenario_id,
     * step, channel, collector_id, actions, responding_actions} (with ≥ 1 attributed payment),
     * {@code attributed_eur} (Σ payments attributed to them), {@code h_0 … h_<window>}
     * (responding actions by days to their first attributed payment). One aggregation over the
     * actions and the responding actions together: the large actions table is read once and
     * never joined.
     *
     * @param actions the dunning actions (action_date, scenario_id, step, channel, collector_id)
     * @param respondingActions {@link #respondingActions}
     */
    public static Dataset<Row> actionFacts(Dataset<Row> actions, Dataset<Row> respondingActions, int windowDays) {
        Column[] dims = {col("action_date"), col("scenario_id"), col("step"), col("channel"), col("collector_id")};
        Dataset<Row> all = actions.select(dims).withColumn("responding", lit(0L))
                .withColumn("attributed_eur", lit(null).cast(SparkTypes.EUR))
                .withColumn("days_to_first_payment", lit(null).cast(DataTypes.IntegerType));
        Dataset<Row> responded = respondingActions.select(col("action_date"), col("scenario_id"), col("step"),
                col("channel"), col("collector_id"), lit(1L).as("responding"),
                col("attributed_eur").cast(SparkTypes.EUR).as("attributed_eur"),
                col("days_to_first_payment").cast(DataTypes.IntegerType).as("days_to_first_payment"));
        List<Column> aggs = new ArrayList<>(List.of(sum(lit(1L).minus(col("responding"))).as("actions"),
                sum("responding").as("responding_actions"),
                coalesce(sum("attributed_eur"), ZERO).cast(SparkTypes.EUR).as("attributed_eur")));
        for (int day = 0; day <= windowDays; day++) {
            aggs.add(sum(when(col("days_to_first_payment").equalTo(day), 1L).otherwise(0L)).as(histogramColumn(day)));
        }
        // (trunc, not date_format, on millions of rows: the month is formatted once aggregated)
        return all.unionByName(responded)
                .groupBy(trunc(col("action_date"), "MM").as("month_start"), col("scenario_id"), col("step"),
                        col("channel"), col("collector_id"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .withColumn("action_month", date_format(col("month_start"), "yyyy-MM"))
                .drop("month_start");
    }

    /** Name of the histogram column counting first payments {@code day} days after the action. */
    public static String histogramColumn(int day) {
        return "h_" + day;
    }

    /**
     * Candidates order as structs do, field by field: latest date, then invoice-level before
     * debtor-level, then the greatest action_id (string order). action_id is unique, so the
     * fields after it (the action's dimensions, carried along) never decide.
     */
    private static Column candidate(int levelRank) {
        return struct(col("action_date"), lit(levelRank).as("level_rank"), col("action_id"),
                col("scenario_id"), col("step"), col("channel"), col("collector_id"));
    }
}
