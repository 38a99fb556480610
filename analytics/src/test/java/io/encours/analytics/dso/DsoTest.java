package io.encours.analytics.dso;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.analytics.cube.Dec;
import io.encours.analytics.cube.TableRows;
import io.encours.testing.TestSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Countback DSO on hand-made monthly sales: the walk, its cap and its edges. */
class DsoTest {
    private static TableRows result;

    private static Row ar(String key, String asOf, String receivables) {
        return RowFactory.create(key, Date.valueOf(asOf), new BigDecimal(receivables));
    }

    private static Row month(String key, String monthStart, String sales) {
        return RowFactory.create(key, Date.valueOf(monthStart), new BigDecimal(sales));
    }

    @BeforeAll
    static void walk() {
        SparkSession spark = TestSpark.get();
        StructType arSchema = new StructType().add("k", DataTypes.StringType).add("as_of", DataTypes.DateType)
                .add("receivables", Dec.EUR);
        StructType monthSchema = new StructType().add("k", DataTypes.StringType).add("month_start", DataTypes.DateType)
                .add("sales_eur", Dec.EUR);
        List<Row> receivables = List.of(
                ar("cap", "2025-03-31", "1000"),
                ar("none", "2025-03-31", "10"),
                ar("negative", "2025-03-31", "-5"),
                ar("skip", "2025-03-31", "150"),
                ar("exact", "2025-03-31", "200"),
                ar("midMonth", "2025-03-15", "100"),
                ar("old", "2025-03-31", "100"));
        List<Row> months = List.of(
                // cap: 100 in 2024-06, nothing else in the 24 months → rem 900 left
                month("cap", "2024-06-01", "100"),
                // skip: March −50 (adds its 31 days, takes nothing), Feb 100 → rem 50, Jan 200 → 50/200 × 31
                month("skip", "2025-03-01", "-50"),
                month("skip", "2025-02-01", "100"),
                month("skip", "2025-01-01", "200"),
                // exact: rem = March sales → 31 days
                month("exact", "2025-03-01", "200"),
                // midMonth: T = 03-15, March to date 200 → 100/200 × 15 days
                month("midMonth", "2025-03-01", "200"),
                // old: sales 25 months back are outside the walk → capped
                month("old", "2023-03-01", "1000"),
                month("negative", "2025-03-01", "100"));
        result = new TableRows("countback", Dso.countback(spark.createDataFrame(receivables, arSchema),
                spark.createDataFrame(months, monthSchema), List.of("k")).collectAsList());
    }

    private static void assertDso(String key, String dso, boolean capped) {
        Row r = result.one("k", key);
        assertThat(TableRows.dec(r, "dso")).as(key).isEqualByComparingTo(dso);
        assertThat(r.getBoolean(r.fieldIndex("capped"))).as(key + " capped").isEqualTo(capped);
    }

    @Test
    void capAfter24MonthsWithRemainderLeft() {
        // 24 months 2023-04-01 … 2025-03-31 = 731 days (2024 is a leap year)
        assertDso("cap", "731", true);
        assertDso("none", "731", true);
        assertDso("old", "731", true);
    }

    @Test
    void walkSkipsNonPositiveMonthsAndStopsExactly() {
        assertDso("skip", "66.75", false); // 31 + 28 + 50 / 200 × 31
        assertDso("exact", "31", false);
        assertDso("negative", "0", false); // AR ≤ 0
    }

    @Test
    void monthToDateAtAnAsOfThatIsNotAMonthEnd() {
        assertDso("midMonth", "7.5", false);
    }
}
