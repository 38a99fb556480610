package io.encours.analytics.dso;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.cube.Dec;
import io.encours.analytics.sales.Sales;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Days sales outstanding of METRICS.md, generic over the grain (cube cell or debtor): the
 * caller gives the key columns, {@code as_of} included.
 *
 * <ul>
 *   <li>standard, for N in {@link Sales#WINDOWS}: {@code DSO = AR(d) / Sales(d−N, d] × N},
 *       {@code BPDSO = CurrentAR(d) / Sales × N}, {@code ADD = DSO − BPDSO}, computed as
 *       (AR − CurrentAR) × N / Sales (the same value, without rounding the difference);
 *       all null when Sales ≤ 0;</li>
 *   <li>countback (épuisement du chiffre d'affaires): see {@link #countback}.</li>
 * </ul>
 */
public final class Dso {
    /** Months the countback walks at most. */
    public static final int COUNTBACK_MONTHS = 24;

    private Dso() {
    }

    /**
     * Standard DSO, BPDSO and ADD for every window. {@code grid} holds one row per key (the
     * rows wanted, e.g. every cell at every as_of); {@code balances} per key
     * {@code receivables, current_receivables, overdue_receivables} (AR, CurrentAR and
     * AR − CurrentAR; missing = 0); {@code salesWindows} per key {@code sales_30 … sales_365}
     * (missing = 0). Returns the grid's columns, {@code window_days, receivables,
     * current_receivables, sales, dso, best_possible_dso, average_days_delinquent}: one row
     * per grid row and window.
     */
    public static Dataset<Row> standard(Dataset<Row> grid, Dataset<Row> balances, Dataset<Row> salesWindows,
            List<String> keys) {
        List<Column> perWindow = new ArrayList<>();
        for (int n : Sales.WINDOWS) {
            perWindow.add(struct(lit(n).as("window_days"), coalesce(col(Sales.windowColumn(n)), Dec.zero()).as("sales")));
        }
        Dataset<Row> joined = grid
                .join(balances, toSeq(keys), "left")
                .join(salesWindows, toSeq(keys), "left")
                .withColumn("w", explode(array(perWindow.toArray(Column[]::new))));
        Column n = col("w.window_days");
        Column sales = col("w.sales");
        Column positive = sales.gt(0);
        List<Column> out = new ArrayList<>();
        for (String c : grid.columns()) {
            out.add(col(c));
        }
        out.add(n.as("window_days"));
        out.add(coalesce(col("receivables"), Dec.zero()).as("receivables"));
        out.add(coalesce(col("current_receivables"), Dec.zero()).as("current_receivables"));
        out.add(sales.as("sales"));
        out.add(when(positive, Dec.div(Dec.times(coalesce(col("receivables"), Dec.zero()), n), sales)).as("dso"));
        out.add(when(positive, Dec.div(Dec.times(coalesce(col("current_receivables"), Dec.zero()), n), sales))
                .as("best_possible_dso"));
        out.add(when(positive, Dec.div(Dec.times(coalesce(col("overdue_receivables"), Dec.zero()), n), sales))
                .as("average_days_delinquent"));
        return joined.select(out.toArray(Column[]::new));
    }

    /**
     * Countback DSO, exactly as METRICS.md: rem = AR(d), walk the calendar months backwards
     * from d's month; month m (sales S_m, D_m days): if S_m &gt; 0 and rem ≤ S_m then
     * dso += rem / S_m × D_m and stop, else dso += D_m and rem −= max(S_m, 0). AR ≤ 0 gives 0;
     * after {@value #COUNTBACK_MONTHS} months with rem &gt; 0 the value is the days of those
     * months and {@code capped} is true.
     *
     * <p>Computed without a loop: with P_k = Σ_{j≤k} max(S_j, 0) (non-decreasing), the walk
     * stops at the first month k with P_k ≥ AR, which is the only month with
     * P_k − S_k &lt; AR ≤ P_k and S_k &gt; 0; there dso = (d − end_k) + (AR − P_{k−1}) / S_k ×
     * D_k, where end_k is the month's last day (d itself for d's month). D_m of d's month is
     * the days from its first day to d (all of it at a month end; the month to date at a T
     * that is not a month end).
     *
     * @param receivables per key ({@code as_of} among them): {@code receivables} (AR(d))
     * @param monthlySales per key without {@code as_of}: {@code month_start, sales_eur}
     * @param keys the key columns other than {@code as_of}
     * @return receivables' key columns, {@code receivables, dso, capped}
     */
    public static Dataset<Row> countback(Dataset<Row> receivables, Dataset<Row> monthlySales, List<String> keys) {
        Dataset<Row> months = monthlySales.filter(col("sales_eur").gt(0));
        for (String k : keys) {
            months = months.withColumnRenamed(k, "m_" + k);
        }
        Column asOf = col("as_of");
        Column lastMonth = trunc(asOf, "month");
        Column firstMonth = add_months(lastMonth, -(COUNTBACK_MONTHS - 1));
        Column cond = col("month_start").between(firstMonth, lastMonth);
        for (String k : keys) {
            cond = cond.and(col(k).equalTo(col("m_" + k)));
        }
        List<String> group = new ArrayList<>(keys);
        group.add("as_of");
        WindowSpec backwards = Window.partitionBy(group.stream().map(c -> col(c)).toArray(Column[]::new))
                .orderBy(col("month_start").desc())
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column ar = col("receivables");
        Column s = col("sales_eur");
        Column p = col("cumulative");
        Column before = Dec.subtract(p, s);
        Column end = least(last_day(col("month_start")), asOf);
        Column stop = Dec.add(datediff(asOf, end), Dec.div(Dec.times(Dec.subtract(ar, before), dayofmonth(end)), s));
        Dataset<Row> walked = receivables.join(months, cond, "left")
                .withColumn("cumulative", sum(s).over(backwards))
                .withColumn("stop_dso", when(p.geq(ar).and(before.lt(ar)), stop));
        Dataset<Row> stopped = walked.groupBy(group.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(max("stop_dso").as("stop_dso"));
        Column cappedDays = datediff(asOf, date_add(firstMonth, -1));
        List<Column> out = new ArrayList<>();
        for (String c : receivables.columns()) {
            out.add(col(c));
        }
        out.add(when(ar.leq(0), Dec.ratio("0"))
                .when(col("stop_dso").isNotNull(), col("stop_dso"))
                .otherwise(cappedDays.cast(Dec.RATIO)).cast(Dec.RATIO).as("dso"));
        out.add(ar.gt(0).and(col("stop_dso").isNull()).as("capped"));
        return receivables.join(stopped, toSeq(group), "left").select(out.toArray(Column[]::new));
    }

    static scala.collection.immutable.Seq<String> toSeq(List<String> columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
    }
}
