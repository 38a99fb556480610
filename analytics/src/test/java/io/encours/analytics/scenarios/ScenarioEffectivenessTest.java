package io.encours.analytics.scenarios;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.analytics.attribution.Attribution;
import io.encours.ingestion.schema.SparkTypes;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario effectiveness from hand-made actions and their attributed payments (what
 * Attribution.respondingActions gives) through Attribution.actionFacts, window 14 days.
 */
class ScenarioEffectivenessTest {
    private static SparkSession spark;
    private static Map<String, Row> rows;

    @BeforeAll
    static void actions() {
        spark = TestSpark.get();
        Dataset<Row> scenarios = spark.createDataFrame(List.of(
                RowFactory.create("S1", "Standard"), RowFactory.create("S2", "Gentle")),
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField("scenario_id", DataTypes.StringType, false),
                        DataTypes.createStructField("name", DataTypes.StringType, false))));
        // action, scenario, step, channel, date, attributed payments, amount, days to first payment
        List<Object[]> hand = List.of(
                new Object[] {"a1", "S1", 1, "EMAIL", "2025-05-02", 1L, 100, 2},
                new Object[] {"a2", "S1", 1, "EMAIL", "2025-05-03", 0L, 0, null},
                new Object[] {"a3", "S1", 2, "CALL", "2025-05-20", 2L, 300, 5},
                new Object[] {"a4", null, null, "CALL", "2025-05-31", 1L, 50, 0},
                new Object[] {"a5", "S1", 1, "EMAIL", "2025-06-01", 1L, 200, 3},
                new Object[] {"a6", "S1", 2, "CALL", "2025-06-10", 1L, 40, 10},
                new Object[] {"a7", null, null, "SMS", "2025-06-11", 0L, 0, null},
                new Object[] {"a8", "S1", 2, "CALL", "2025-06-30", 1L, 60, 7});
        StructType actionSchema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("action_id", DataTypes.StringType, false),
                DataTypes.createStructField("scenario_id", DataTypes.StringType, true),
                DataTypes.createStructField("step", DataTypes.IntegerType, true),
                DataTypes.createStructField("channel", DataTypes.StringType, false),
                DataTypes.createStructField("action_date", DataTypes.DateType, false),
                DataTypes.createStructField("collector_id", DataTypes.StringType, true)));
        StructType respondingSchema = actionSchema
                .add("attributed_payments", DataTypes.LongType, false)
                .add("attributed_eur", SparkTypes.EUR, false)
                .add("days_to_first_payment", DataTypes.IntegerType, false);
        Dataset<Row> actions = spark.createDataFrame(hand.stream().map(a -> RowFactory.create(a[0], a[1], a[2], a[3],
                java.sql.Date.valueOf((String) a[4]), "C1")).toList(), actionSchema);
        Dataset<Row> responding = spark.createDataFrame(hand.stream().filter(a -> (Long) a[5] > 0)
                .map(a -> RowFactory.create(a[0], a[1], a[2], a[3], java.sql.Date.valueOf((String) a[4]), "C1", a[5],
                        new BigDecimal((Integer) a[6]).setScale(10), a[7])).toList(), respondingSchema);
        Dataset<Row> facts = Attribution.actionFacts(actions, responding, 14);
        rows = ScenarioEffectiveness.compute(scenarios, facts, 14).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("period") + " " + r.getAs("scenario_id") + " "
                        + r.getAs("detail") + " " + r.getAs("detail_key"), r -> r));
    }

    /** actions responding amount response_rate median. */
    private static String figures(String key) {
        Row r = rows.get(key);
        assertThat(r).as(key).isNotNull();
        return r.getAs("actions") + " " + r.getAs("responding_actions") + " "
                + r.<BigDecimal>getAs("attributed_amount_eur").stripTrailingZeros().toPlainString() + " "
                + r.getAs("response_rate") + " " + r.getAs("median_days_to_payment");
    }

    private static List<Long> histogram(String key) {
        return toList(rows.get(key));
    }

    private static List<Long> toList(Row r) {
        List<Long> out = new ArrayList<>();
        r.getList(r.fieldIndex("days_to_payment_histogram")).forEach(x -> out.add((Long) x));
        return out;
    }

    private static List<Long> counts(int... daysOfValues) {
        Long[] h = new Long[15];
        Arrays.fill(h, 0L);
        for (int day : daysOfValues) {
            h[day]++;
        }
        return Arrays.asList(h);
    }

    @Test
    void perScenarioAndPeriod() {
        // S1 in May: a1 a2 a3; a1 and a3 respond, 100 + 300; days {2, 5}: even count → (2 + 5) / 2
        assertThat(figures("2025-05 S1 none ALL")).isEqualTo("3 2 400 " + 2.0 / 3 + " 3.5");
        // S1 in June: a5 a6 a8 all respond, 200 + 40 + 60; days {3, 10, 7}: odd count → 7
        assertThat(figures("2025-06 S1 none ALL")).isEqualTo("3 3 300 1.0 7.0");
        // S1 over the history: 6 actions, 5 respond; days {2, 3, 5, 7, 10} → 5
        assertThat(figures("ALL S1 none ALL")).isEqualTo("6 5 700 " + 5.0 / 6 + " 5.0");
        assertThat(histogram("ALL S1 none ALL")).isEqualTo(counts(2, 3, 5, 7, 10));
        assertThat(rows.get("ALL S1 none ALL").<String>getAs("scenario_name")).isEqualTo("Standard");
    }

    @Test
    void actionsWithoutScenarioAreManual() {
        // a4 (responds same day, 50) and a7 (no response)
        assertThat(figures("ALL MANUAL none ALL")).isEqualTo("2 1 50 0.5 0.0");
        assertThat(rows.get("ALL MANUAL none ALL").<String>getAs("scenario_name"))
                .isEqualTo(ScenarioEffectiveness.MANUAL_NAME);
        assertThat(figures("ALL MANUAL step NONE")).isEqualTo("2 1 50 0.5 0.0");
        assertThat(rows.get("ALL MANUAL step NONE").isNullAt(rows.get("ALL MANUAL step NONE").fieldIndex("step")))
                .isTrue();
    }

    @Test
    void everyScenarioIsListedEvenWithoutActions() {
        for (String period : List.of("2025-05", "2025-06", "ALL")) {
            assertThat(figures(period + " S2 none ALL")).isEqualTo("0 0 0 null null");
            assertThat(histogram(period + " S2 none ALL")).isEqualTo(counts());
        }
        // MANUAL and S1 in both months too; S2 has no step or channel rows
        assertThat(rows.keySet().stream().filter(k -> k.contains(" none ")))
                .containsExactlyInAnyOrder("2025-05 S1 none ALL", "2025-06 S1 none ALL", "ALL S1 none ALL",
                        "2025-05 S2 none ALL", "2025-06 S2 none ALL", "ALL S2 none ALL",
                        "2025-05 MANUAL none ALL", "2025-06 MANUAL none ALL", "ALL MANUAL none ALL");
        assertThat(rows.keySet()).noneMatch(k -> k.contains(" S2 step ") || k.contains(" S2 channel "));
    }

    @Test
    void byStepAndByChannel() {
        // step 1 = a1 a2 a5: 2 respond of 3, days {2, 3} → 2.5
        assertThat(figures("ALL S1 step 1")).isEqualTo("3 2 300 " + 2.0 / 3 + " 2.5");
        assertThat(rows.get("ALL S1 step 1").<Integer>getAs("step")).isEqualTo(1);
        // step 2 = a3 a6 a8: days {5, 10, 7} → 7
        assertThat(figures("ALL S1 step 2")).isEqualTo("3 3 400 1.0 7.0");
        assertThat(figures("2025-05 S1 step 2")).isEqualTo("1 1 300 1.0 5.0");
        // S1's channels are its steps here; MANUAL: CALL a4, SMS a7
        assertThat(figures("ALL S1 channel EMAIL")).isEqualTo("3 2 300 " + 2.0 / 3 + " 2.5");
        assertThat(rows.get("ALL S1 channel EMAIL").<String>getAs("channel")).isEqualTo("EMAIL");
        assertThat(figures("ALL MANUAL channel CALL")).isEqualTo("1 1 50 1.0 0.0");
        assertThat(figures("ALL MANUAL channel SMS")).isEqualTo("1 0 0 0.0 null");
    }

    @Test
    void monthlyHistogramsAddUpToTheWholeHistory() {
        for (String scenario : List.of("S1", "MANUAL")) {
            List<Long> may = toList(rows.get("2025-05 " + scenario + " none ALL"));
            List<Long> june = toList(rows.get("2025-06 " + scenario + " none ALL"));
            List<Long> sum = new ArrayList<>();
            for (int i = 0; i < may.size(); i++) {
                sum.add(may.get(i) + june.get(i));
            }
            assertThat(sum).isEqualTo(toList(rows.get("ALL " + scenario + " none ALL")));
        }
    }

    @Test
    void medianOfAHistogram() {
        // [0, 2, 0, 1] counts {1, 1, 3} → 1; [1, 0, 0, 1] counts {0, 3} → 1.5; [1, 1, 1, 1] → 1.5;
        // [0, 0, 5] → 2; [0, 0] → null
        Dataset<Row> h = spark.sql("SELECT * FROM VALUES (1, array(0L, 2L, 0L, 1L)), (2, array(1L, 0L, 0L, 1L)), "
                + "(3, array(1L, 1L, 1L, 1L)), (4, array(0L, 0L, 5L)), (5, array(0L, 0L)) AS t(i, h)");
        List<Object> medians = h.orderBy("i").select(Histograms.median(col("h"))).collectAsList().stream()
                .map(r -> r.isNullAt(0) ? null : r.get(0)).toList();
        assertThat(medians).containsExactly(1.0, 1.5, 1.5, 2.0, null);
    }
}
