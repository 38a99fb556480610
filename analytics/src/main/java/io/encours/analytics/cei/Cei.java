package io.encours.analytics.cei;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;

import io.encours.analytics.cube.Cube;
import io.encours.analytics.cube.Dec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Collection effectiveness index of METRICS.md for month M (b = last day of M−1, e = last
 * day of M): {@code CEI = (AR(b) + Sales(b, e] − AR(e)) / (AR(b) + Sales(b, e] −
 * CurrentAR(e)) × 100}, null when the denominator is 0. For the month holding a T that is
 * not a month end, e = T (month to date).
 */
public final class Cei {
    private Cei() {
    }

    /**
     * Table {@code fin_cei}: one row per month of the history and cube cell. Columns
     * {@code period, period_start, period_end} (e), {@code entity_key, segment_key,
     * collector_key}, {@code receivables_start} (AR(b)), {@code sales} (Sales(b, e]),
     * {@code receivables_end} (AR(e)), {@code current_receivables_end} (CurrentAR(e)),
     * {@code collected} (numerator), {@code collectible} (denominator), {@code cei} (percent).
     *
     * @param cells {@code Cube.cells}
     * @param months {@code History.periods(spark, Periods.MONTH)}
     * @param agingCube {@code AgedBalance.cube} over the balance dates (the opening date, the
     *     month end before the first month, included)
     * @param monthlySales {@code Sales.monthly}
     */
    public static Dataset<Row> table(Dataset<Row> cells, Dataset<Row> months, Dataset<Row> agingCube,
            Dataset<Row> monthlySales) {
        List<String> keys = Cube.KEYS;
        Dataset<Row> grid = cells.crossJoin(broadcast(months.select("period", "period_start", "period_end")))
                .withColumn("opening", date_add(col("period_start"), -1));
        Dataset<Row> start = agingCube.select(col("as_of").as("opening"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY),
                col(Cube.COLLECTOR_KEY), col("total").as("receivables_start"));
        Dataset<Row> end = agingCube.select(col("as_of").as("period_end"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY),
                col(Cube.COLLECTOR_KEY), col("total").as("receivables_end"), col("not_due").as("current_receivables_end"));
        Dataset<Row> sales = monthlySales.select(col("month_start").as("period_start"), col(Cube.ENTITY_KEY),
                col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY), col("sales_eur").as("sales"));
        Dataset<Row> joined = grid
                .join(start, seq("opening", keys), "left")
                .join(end, seq("period_end", keys), "left")
                .join(sales, seq("period_start", keys), "left");
        Column arB = coalesce(col("receivables_start"), Dec.zero());
        Column s = coalesce(col("sales"), Dec.zero());
        Column arE = coalesce(col("receivables_end"), Dec.zero());
        Column curE = coalesce(col("current_receivables_end"), Dec.zero());
        Column collected = Dec.subtract(Dec.add(arB, s), arE);
        Column collectible = Dec.subtract(Dec.add(arB, s), curE);
        return joined.select(col("period"), col("period_start"), col("period_end"), col(Cube.ENTITY_KEY),
                        col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY), arB.as("receivables_start"), s.as("sales"),
                        arE.as("receivables_end"), curE.as("current_receivables_end"),
                        collected.as("collected"), collectible.as("collectible"),
                        Dec.div(Dec.times(collected, lit(100)), collectible).as("cei"));
    }

    private static scala.collection.immutable.Seq<String> seq(String first, List<String> keys) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(keys);
        return scala.jdk.javaapi.CollectionConverters.asScala(all).toList();
    }
}
