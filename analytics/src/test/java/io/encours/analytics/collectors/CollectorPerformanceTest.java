package io.encours.analytics.collectors;

import static io.encours.testing.SnapshotFixture.d;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.analytics.attribution.Attribution;
import io.encours.contract.Contract;
import io.encours.ingestion.schema.SparkTypes;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Collector activity per month from hand-made actions, attributed amounts (through
 * Attribution.actionFacts) and promise statuses. T = 2025-06-30.
 */
class CollectorPerformanceTest {
    private static Map<String, Row> rows;

    @BeforeAll
    static void activity() {
        SparkSession spark = TestSpark.get();
        Dataset<Row> collectors = spark.createDataFrame(List.of(RowFactory.create("C1", "Claire"),
                RowFactory.create("C2", "Bob"), RowFactory.create("C3", "Idle")),
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField("collector_id", DataTypes.StringType, false),
                        DataTypes.createStructField("name", DataTypes.StringType, false))));
        // collector, date, channel, amount attributed to the action
        List<Row> hand = List.of(
                action("C1", "2025-05-05", "EMAIL", 100),
                action("C1", "2025-05-06", "CALL", 0),
                action("C1", "2025-05-31", "CALL", 50),
                action("C1", "2025-06-01", "FORMAL_NOTICE", 0),
                action("C2", "2025-06-15", "SMS", 30),
                action(null, "2025-06-15", "EMAIL", 999)); // sent automatically: nobody's
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("collector_id", DataTypes.StringType, true),
                DataTypes.createStructField("action_date", DataTypes.DateType, false),
                DataTypes.createStructField("channel", DataTypes.StringType, false),
                DataTypes.createStructField("attributed_eur", SparkTypes.EUR, false)));
        Column scenario = lit("S1").as("scenario_id");
        Column step = lit(1).as("step");
        Dataset<Row> actions = spark.createDataFrame(hand, schema).drop("attributed_eur")
                .select(col("collector_id"), col("action_date"), col("channel"), scenario, step);
        Dataset<Row> responding = spark.createDataFrame(hand.stream()
                .filter(r -> r.getDecimal(3).signum() > 0).toList(), schema)
                .select(col("collector_id"), col("action_date"), col("channel"), scenario, step,
                        col("attributed_eur"), lit(1).as("days_to_first_payment"));
        Dataset<Row> facts = Attribution.actionFacts(actions, responding, 14);
        Dataset<Row> promises = spark.createDataFrame(List.of(
                promise("C1", "2025-04-28", "2025-05-10", "BROKEN"),
                promise("C1", "2025-05-02", "2025-05-20", "KEPT"),
                promise("C1", "2025-05-25", "2025-06-05", "KEPT"),
                promise("C1", "2025-06-25", "2025-07-10", "OPEN"),
                promise("C2", "2025-06-01", "2025-06-28", "OPEN"),
                promise(null, "2025-05-01", "2025-05-05", "BROKEN")), // no collector: nobody's
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField("collector_id", DataTypes.StringType, true),
                        DataTypes.createStructField("created_date", DataTypes.DateType, false),
                        DataTypes.createStructField("promised_date", DataTypes.DateType, false),
                        DataTypes.createStructField("status", DataTypes.StringType, false))));
        rows = CollectorPerformance.compute(collectors, facts, promises, d("2025-06-30")).collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getAs("collector_id") + " " + r.getAs("month"), r -> r));
    }

    private static Row action(String collector, String date, String channel, int amount) {
        return RowFactory.create(collector, java.sql.Date.valueOf(date), channel, new BigDecimal(amount).setScale(10));
    }

    private static Row promise(String collector, String created, String promised, String status) {
        return RowFactory.create(collector, java.sql.Date.valueOf(created), java.sql.Date.valueOf(promised), status);
    }

    /** actions email sms call letter registered formal attributed | created due kept broken open rate. */
    private static String figures(String key) {
        Row r = rows.get(key);
        assertThat(r).as(key).isNotNull();
        StringBuilder sb = new StringBuilder().append(r.<Object>getAs("actions"));
        for (String channel : CollectorPerformance.CHANNELS) {
            sb.append(' ').append(r.<Object>getAs(CollectorPerformance.channelColumn(channel)));
        }
        sb.append(' ').append(r.<BigDecimal>getAs("attributed_amount_eur").stripTrailingZeros().toPlainString())
                .append(" |");
        for (String c : List.of("promises_created", "promises_due", "promises_kept", "promises_broken",
                "promises_open", "kept_rate")) {
            sb.append(' ').append(r.<Object>getAs(c));
        }
        return sb.toString();
    }

    @Test
    void everyCollectorForEveryMonthFromTheFirstActivityToTheLastPromisedDate() {
        // months 2025-04 (first promise created) .. 2025-07 (last promised_date), T's month inside
        assertThat(rows.keySet()).containsExactlyInAnyOrder(
                "C1 2025-04", "C1 2025-05", "C1 2025-06", "C1 2025-07",
                "C2 2025-04", "C2 2025-05", "C2 2025-06", "C2 2025-07",
                "C3 2025-04", "C3 2025-05", "C3 2025-06", "C3 2025-07");
        assertThat(rows.get("C1 2025-05").<String>getAs("collector_name")).isEqualTo("Claire");
    }

    @Test
    void actionsAndPromisesOfEachMonth() {
        // April: one promise created (due in May)
        assertThat(figures("C1 2025-04")).isEqualTo("0 0 0 0 0 0 0 0 | 1 0 0 0 0 null");
        // May: EMAIL + 2 CALL, 100 + 0 + 50 attributed; created 05-02 and 05-25; due 05-10 BROKEN and
        // 05-20 KEPT → 1 / 2
        assertThat(figures("C1 2025-05")).isEqualTo("3 1 0 2 0 0 0 150 | 2 2 1 1 0 0.5");
        // June: a formal notice; created 06-25; due 06-05 KEPT → 1 / 1
        assertThat(figures("C1 2025-06")).isEqualTo("1 0 0 0 0 0 1 0 | 1 1 1 0 0 1.0");
        // July: 07-10 due, still OPEN
        assertThat(figures("C1 2025-07")).isEqualTo("0 0 0 0 0 0 0 0 | 0 1 0 0 1 null");
        assertThat(figures("C2 2025-06")).isEqualTo("1 0 1 0 0 0 0 30 | 1 1 0 0 1 null");
        assertThat(figures("C3 2025-06")).isEqualTo("0 0 0 0 0 0 0 0 | 0 0 0 0 0 null");
    }

    @Test
    void oneColumnPerContractChannel() {
        assertThat(CollectorPerformance.CHANNELS).containsExactlyInAnyOrderElementsOf(Contract.CHANNELS);
    }
}
