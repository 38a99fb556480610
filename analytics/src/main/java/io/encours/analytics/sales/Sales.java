package io.encours.analytics.sales;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.cube.Cube;
import io.encours.analytics.cube.Dec;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Sales of METRICS.md: {@code Sales(a, b]} = Σ amount_eur of every document (invoices and
 * credit notes, so net of credits) with a &lt; issue_date ≤ b. Exact decimals.
 *
 * <p>The base is the daily sales per leaf cell ({@link #daily}); windows ending on each as_of
 * date are differences of its running sums, computed at leaf grain and then cubed (sales are
 * additive, so the cube of the windows equals the windows of the daily cube, for far fewer
 * rows).
 */
public final class Sales {
    /** The standard DSO windows the API accepts, in days. */
    public static final List<Integer> WINDOWS = List.of(30, 60, 90, 180, 365);

    private Sales() {
    }

    /** Name of the column holding Sales(as_of − n, as_of]. */
    public static String windowColumn(int n) {
        return "sales_" + n;
    }

    /** Column names of {@link #WINDOWS}. */
    public static List<String> windowColumns() {
        return WINDOWS.stream().map(Sales::windowColumn).toList();
    }

    /**
     * Daily sales per leaf cell: {@code entity_key, segment_key, collector_key, issue_date,
     * sales_eur} (one row per cell and day with documents).
     */
    public static Dataset<Row> daily(Dataset<Row> documents) {
        return Cube.withLeafKeys(documents)
                .groupBy(col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY), col("issue_date"))
                .agg(sum("amount_eur").as("sales_eur"));
    }

    /**
     * Sales(d − N, d] for every as_of d of {@code dates} (column {@code as_of}) and every N of
     * {@link #WINDOWS}, per cube cell: {@code as_of, entity_key, segment_key, collector_key,
     * sales_30, sales_60, sales_90, sales_180, sales_365}. Every leaf cell with sales has a row
     * at every date (zero sales in a window are 0).
     *
     * <p>Per leaf cell, with C(x) = Σ daily sales issued ≤ x, Sales(d − N, d] = C(d) −
     * C(d − N). Both are running sums over frames starting at the first day (RANGE BETWEEN
     * UNBOUNDED PRECEDING AND 0 / N PRECEDING), which Spark evaluates incrementally in one pass;
     * they are read on zero "marker" rows added at every as_of. (A sliding frame of N days
     * would re-add the whole frame for every row.) The windows are then cubed.
     */
    public static Dataset<Row> windows(Dataset<Row> daily, Dataset<Row> dates) {
        Dataset<Row> markers = daily.select(Cube.ENTITY_KEY, Cube.SEGMENT_KEY, Cube.COLLECTOR_KEY).distinct()
                .crossJoin(broadcast(dates))
                .withColumn("issue_date", col("as_of"))
                .withColumn("sales_eur", Dec.zero());
        Dataset<Row> rows = daily.withColumn("as_of", lit(null).cast("date")).unionByName(markers);
        WindowSpec byDay = Window.partitionBy(Cube.ENTITY_KEY, Cube.SEGMENT_KEY, Cube.COLLECTOR_KEY)
                .orderBy(unix_date(col("issue_date")));
        Column upToD = sum("sales_eur").over(byDay.rangeBetween(Window.unboundedPreceding(), Window.currentRow()));
        List<Column> out = new ArrayList<>(List.of(col("as_of"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY),
                col(Cube.COLLECTOR_KEY)));
        for (int n : WINDOWS) {
            Column upToStart = coalesce(sum("sales_eur").over(byDay.rangeBetween(Window.unboundedPreceding(), -n)),
                    Dec.zero());
            out.add(Dec.subtract(upToD, upToStart).as(windowColumn(n)));
        }
        Dataset<Row> leaf = rows.select(out.toArray(Column[]::new)).filter(col("as_of").isNotNull());
        return Cube.sum(leaf, List.of("as_of"), windowColumns());
    }

    /**
     * Sales per debtor over the windows ending at T: {@code debtor_id, sales_30 … sales_365}
     * for debtors with a document issued in (T − 365, T].
     */
    public static Dataset<Row> debtorWindows(Dataset<Row> documents, LocalDate snapshotDate) {
        Column t = lit(Date.valueOf(snapshotDate));
        List<Column> aggs = new ArrayList<>();
        for (int n : WINDOWS) {
            aggs.add(coalesce(sum(when(col("issue_date").gt(lit(Date.valueOf(snapshotDate.minusDays(n)))),
                    col("amount_eur"))), Dec.zero()).as(windowColumn(n)));
        }
        return documents.filter(col("issue_date").gt(lit(Date.valueOf(snapshotDate.minusDays(365))))
                        .and(col("issue_date").leq(t)))
                .groupBy("debtor_id").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    }

    /**
     * Monthly sales per cube cell from the leaf {@link #daily} sales: {@code month_start}
     * (first day of the issue month), {@code entity_key, segment_key, collector_key,
     * sales_eur}. For T's month, the month to date (no document is issued after T).
     */
    public static Dataset<Row> monthly(Dataset<Row> daily) {
        return Cube.sum(daily.withColumn("month_start", trunc(col("issue_date"), "month")),
                List.of("month_start"), List.of("sales_eur"));
    }

    /**
     * Monthly sales per debtor over the {@code months} calendar months ending with T's month:
     * {@code debtor_id, month_start, sales_eur}.
     */
    public static Dataset<Row> monthlyByDebtor(Dataset<Row> documents, LocalDate snapshotDate, int months) {
        Column first = add_months(trunc(lit(Date.valueOf(snapshotDate)), "month"), -(months - 1));
        return documents.filter(col("issue_date").geq(first))
                .groupBy(col("debtor_id"), trunc(col("issue_date"), "month").as("month_start"))
                .agg(sum("amount_eur").as("sales_eur"));
    }
}
