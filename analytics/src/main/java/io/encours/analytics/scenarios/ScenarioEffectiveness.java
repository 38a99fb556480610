package io.encours.analytics.scenarios;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.attribution.Attribution;
import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

/**
 * Dunning scenario effectiveness (METRICS.md): per scenario (null scenario = MANUAL), per month of
 * action_date and for the whole history, overall and by step and by channel. The portfolio's
 * average delay is a financial metric joined in by the pipeline, not computed here.
 */
public final class ScenarioEffectiveness {
    /** scenario_id standing for actions without a scenario. */
    public static final String MANUAL = "MANUAL";
    public static final String MANUAL_NAME = "Manual (no scenario)";
    /** period of the rows over the whole history. */
    public static final String ALL = "ALL";
    public static final String DETAIL_NONE = "none";
    public static final String DETAIL_STEP = "step";
    public static final String DETAIL_CHANNEL = "channel";
    /** detail_key of a step row whose actions have no step. */
    public static final String NO_STEP = "NONE";

    private static final Column ZERO = lit(BigDecimal.ZERO).cast(SparkTypes.EUR);

    private ScenarioEffectiveness() {
    }

    /**
     * Columns: {@code period} (yyyy-MM of action_date, or ALL), {@code scenario_id} (MANUAL for
     * actions without scenario), {@code scenario_name, detail} (none, step, channel), {@code
     * detail_key} (ALL, the step as text or NONE, the channel), {@code step} (detail step only),
     * {@code channel} (detail channel only), {@code actions, responding_actions,
     * attributed_amount_eur, response_rate} (responding / actions, null without actions), {@code
     * median_days_to_payment, days_to_payment_histogram} (array of windowDays + 1 counts: element
     * i = responding actions whose first attributed payment came i days after them). Key:
     * (period, scenario_id, detail, detail_key). Every scenario and MANUAL has a detail-none row
     * for ALL and for every month that has any action, with 0 actions where it has none.
     *
     * @param scenarios the scenarios table (scenario_id, name)
     * @param actionFacts {@link Attribution#actionFacts}
     * @param windowDays the attribution window (days to first payment are 0..windowDays)
     */
    public static Dataset<Row> compute(Dataset<Row> scenarios, Dataset<Row> actionFacts, int windowDays) {
        // 1. The facts (small: per month, scenario, step, channel and collector).
        Dataset<Row> fine = actionFacts
                .withColumn("scenario_key", coalesce(col("scenario_id"), lit(MANUAL)))
                .withColumnRenamed("attributed_eur", "attributed_amount_eur");

        // 2. Roll up: each fact feeds its month and ALL, × none/step/channel, in one aggregation.
        Column nullInt = lit(null).cast(DataTypes.IntegerType);
        Column nullString = lit(null).cast(DataTypes.StringType);
        Column details = array(
                struct(lit(DETAIL_NONE).as("detail"), lit(ALL).as("detail_key"), nullInt.as("step"),
                        nullString.as("channel")),
                struct(lit(DETAIL_STEP).as("detail"), coalesce(col("step").cast("string"), lit(NO_STEP)).as("detail_key"),
                        col("step").as("step"), nullString.as("channel")),
                struct(lit(DETAIL_CHANNEL).as("detail"), col("channel").as("detail_key"), nullInt.as("step"),
                        col("channel").as("channel")));
        List<Column> measures = new ArrayList<>(List.of(col("actions"), col("responding_actions"),
                col("attributed_amount_eur")));
        List<Column> rollupAggs = new ArrayList<>(List.of(sum("responding_actions").as("responding_actions"),
                sum("attributed_amount_eur").cast(SparkTypes.EUR).as("attributed_amount_eur")));
        for (int day = 0; day <= windowDays; day++) {
            measures.add(col(h(day)));
            rollupAggs.add(sum(h(day)).as(h(day)));
        }
        // Spark allows one generator per select: explode the periods, then the details.
        Dataset<Row> byPeriod = fine.select(withAll(List.of(
                explode(array(col("action_month"), lit(ALL))).as("period"), col("scenario_key").as("scenario_id"),
                details.as("details")), measures));
        Dataset<Row> rolled = byPeriod
                .select(withAll(List.of(col("period"), col("scenario_id"), explode(col("details")).as("d")), measures))
                .select(withAll(List.of(col("period"), col("scenario_id"), col("d.detail").as("detail"),
                        col("d.detail_key").as("detail_key"), col("d.step").as("step"), col("d.channel").as("channel")),
                        measures))
                .groupBy("period", "scenario_id", "detail", "detail_key", "step", "channel")
                .agg(sum("actions").as("actions"), rollupAggs.toArray(Column[]::new));

        // 3. Every scenario (and MANUAL) listed for every period with a detail-none row.
        Dataset<Row> names = scenarios.select(col("scenario_id").as("n_id"), col("name").as("scenario_name"))
                .unionByName(scenarios.sparkSession().createDataFrame(
                        List.of(RowFactory.create(MANUAL, MANUAL_NAME)),
                        DataTypes.createStructType(List.of(
                                DataTypes.createStructField("n_id", DataTypes.StringType, false),
                                DataTypes.createStructField("scenario_name", DataTypes.StringType, false)))));
        Dataset<Row> periods = rolled.select(col("period").as("g_period")).distinct()
                .unionByName(scenarios.sparkSession().range(1).select(lit(ALL).as("g_period"))).distinct();
        Dataset<Row> grid = periods.crossJoin(broadcast(names.select(col("n_id").as("g_id"))));
        Dataset<Row> noneRows = rolled.filter(col("detail").equalTo(DETAIL_NONE));
        Dataset<Row> listed = grid.join(noneRows, col("g_period").equalTo(col("period"))
                        .and(col("g_id").equalTo(col("scenario_id"))), "left")
                .select(withAll(List.of(col("g_period").as("period"), col("g_id").as("scenario_id"),
                        lit(DETAIL_NONE).as("detail"), lit(ALL).as("detail_key"), nullInt.as("step"),
                        nullString.as("channel"), coalesce(col("actions"), lit(0L)).as("actions"),
                        coalesce(col("responding_actions"), lit(0L)).as("responding_actions"),
                        coalesce(col("attributed_amount_eur"), ZERO).as("attributed_amount_eur")),
                        histogramColumns(windowDays, true)));
        Dataset<Row> detailed = rolled.filter(col("detail").notEqual(DETAIL_NONE))
                .select(withAll(List.of(col("period"), col("scenario_id"), col("detail"), col("detail_key"),
                        col("step"), col("channel"), col("actions"), col("responding_actions"),
                        col("attributed_amount_eur")), histogramColumns(windowDays, false)));

        Column histogram = array(histogramColumns(windowDays, false).toArray(Column[]::new));
        return listed.unionByName(detailed)
                .join(broadcast(names), col("scenario_id").equalTo(col("n_id")), "left")
                .withColumn("days_to_payment_histogram", histogram)
                .select(col("period"), col("scenario_id"), col("scenario_name"), col("detail"), col("detail_key"),
                        col("step"), col("channel"), col("actions"), col("responding_actions"),
                        col("attributed_amount_eur").cast(SparkTypes.EUR).as("attributed_amount_eur"),
                        when(col("actions").gt(0), col("responding_actions").cast("double").divide(col("actions")))
                                .as("response_rate"),
                        Histograms.median(col("days_to_payment_histogram")).as("median_days_to_payment"),
                        col("days_to_payment_histogram"))
                .orderBy("period", "scenario_id", "detail", "detail_key");
    }

    private static String h(int day) {
        return Attribution.histogramColumn(day);
    }

    private static List<Column> histogramColumns(int windowDays, boolean zeroWhenMissing) {
        List<Column> columns = new ArrayList<>();
        for (int day = 0; day <= windowDays; day++) {
            columns.add(zeroWhenMissing ? coalesce(col(h(day)), lit(0L)).as(h(day)) : col(h(day)));
        }
        return columns;
    }

    private static Column[] withAll(List<Column> first, List<Column> then) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(then);
        return all.toArray(Column[]::new);
    }
}
