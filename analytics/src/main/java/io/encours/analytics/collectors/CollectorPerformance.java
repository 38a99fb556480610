package io.encours.analytics.collectors;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.promises.Promises;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Collector activity per collector and month (METRICS.md "Collector performance"): actions and
 * their attributed payments, promises created, promises due and their outcome. The portfolio
 * figures (overdue at month end, DSO, average delay) are financial metrics the pipeline joins
 * in on (collector_id, month).
 */
public final class CollectorPerformance {
    /** The contract's channels, in the order of the {@code actions_<channel>} columns. */
    public static final List<String> CHANNELS = List.of("EMAIL", "SMS", "CALL", "LETTER", "REGISTERED_LETTER",
            "FORMAL_NOTICE");

    private static final Column ZERO = lit(BigDecimal.ZERO).cast(SparkTypes.EUR);

    private CollectorPerformance() {
    }

    /** Name of the column counting the actions of a channel: {@code actions_email}, … */
    public static String channelColumn(String channel) {
        return "actions_" + channel.toLowerCase(Locale.ROOT);
    }

    /**
     * One row per collector of the collectors table and per month from the first month with any
     * collector activity to the later of T's month and the last promised_date's month (zeros
     * where nothing happened). Columns: {@code collector_id, collector_name, month} (yyyy-MM),
     * {@code actions, actions_email, actions_sms, actions_call, actions_letter,
     * actions_registered_letter, actions_formal_notice, attributed_amount_eur} (payments
     * attributed to those actions, whenever paid), {@code promises_created} (created_date in M),
     * {@code promises_due} (promised_date in M), {@code promises_kept, promises_broken,
     * promises_open} (of those due, status as of T), {@code kept_rate} (kept / (kept + broken),
     * null when none resolved). Actions and promises are the collector's by their own
     * collector_id; those without one belong to nobody.
     */
    public static Dataset<Row> compute(Dataset<Row> collectors, Dataset<Row> actionFacts,
            Dataset<Row> promiseStatus, LocalDate snapshotDate) {
        List<Column> aggs = new ArrayList<>();
        for (String channel : CHANNELS) {
            aggs.add(sum(when(col("channel").equalTo(channel), col("actions")).otherwise(0L)).as(channelColumn(channel)));
        }
        aggs.add(sum("attributed_eur").cast(SparkTypes.EUR).as("attributed_amount_eur"));
        Dataset<Row> actions = actionFacts.filter(col("collector_id").isNotNull())
                .groupBy(col("collector_id").as("a_collector_id"), col("action_month").as("a_month"))
                .agg(sum("actions").as("actions"), aggs.toArray(Column[]::new));

        // Each promise counts once in its creation month and once in its promised month.
        Column events = array(
                struct(date_format(col("created_date"), "yyyy-MM").as("month"), lit(1L).as("created"),
                        lit(0L).as("due"), lit(null).cast(DataTypes.StringType).as("status")),
                struct(date_format(col("promised_date"), "yyyy-MM").as("month"), lit(0L).as("created"),
                        lit(1L).as("due"), col("status").as("status")));
        Dataset<Row> promises = promiseStatus.filter(col("collector_id").isNotNull())
                .select(col("collector_id"), explode(events).as("e"))
                .groupBy(col("collector_id").as("p_collector_id"), col("e.month").as("p_month"))
                .agg(sum("e.created").as("promises_created"), sum("e.due").as("promises_due"),
                        countStatus(Promises.KEPT).as("promises_kept"),
                        countStatus(Promises.BROKEN).as("promises_broken"),
                        countStatus(Promises.OPEN).as("promises_open"));

        Dataset<Row> months = actions.select(col("a_month").as("m"))
                .unionByName(promises.select(col("p_month").as("m")))
                .unionByName(collectors.sparkSession().range(1)
                        .select(lit(snapshotDate.toString().substring(0, 7)).as("m")))
                .agg(min("m").as("first"), max("m").as("last"))
                .select(explode(sequence(to_date(col("first"), "yyyy-MM"), to_date(col("last"), "yyyy-MM"),
                        expr("interval 1 month"))).as("month_start"))
                .select(date_format(col("month_start"), "yyyy-MM").as("month"));
        Dataset<Row> grid = collectors.select(col("collector_id"), col("name").as("collector_name"))
                .crossJoin(broadcast(months));

        List<Column> out = new ArrayList<>(List.of(col("collector_id"), col("collector_name"), col("month"),
                coalesce(col("actions"), lit(0L)).as("actions")));
        for (String channel : CHANNELS) {
            out.add(coalesce(col(channelColumn(channel)), lit(0L)).as(channelColumn(channel)));
        }
        out.add(coalesce(col("attributed_amount_eur"), ZERO).as("attributed_amount_eur"));
        for (String count : List.of("promises_created", "promises_due", "promises_kept", "promises_broken",
                "promises_open")) {
            out.add(coalesce(col(count), lit(0L)).as(count));
        }
        return grid
                .join(actions, col("collector_id").equalTo(col("a_collector_id"))
                        .and(col("month").equalTo(col("a_month"))), "left")
                .join(promises, col("collector_id").equalTo(col("p_collector_id"))
                        .and(col("month").equalTo(col("p_month"))), "left")
                .select(out.toArray(Column[]::new))
                .withColumn("kept_rate", when(col("promises_kept").plus(col("promises_broken")).gt(0),
                        col("promises_kept").cast("double")
                                .divide(col("promises_kept").plus(col("promises_broken")))))
                .orderBy("month", "collector_id");
    }

    private static Column countStatus(String status) {
        return sum(when(col("e.status").equalTo(status), 1L).otherwise(0L));
    }
}
