package io.encours.analytics.delays;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.cube.Cube;
import io.encours.analytics.cube.Dec;
import io.encours.analytics.cube.History;
import io.encours.analytics.cube.Periods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Payment delays (retards de paiement) of METRICS.md. For a period P, over INVOICE documents
 * with settle_date in P: {@code days_late = max(0, settle_date − due_date)};
 * {@code average_delay_days = Σ amount × days_late / Σ amount} (amount-weighted),
 * {@code average_delay_days_by_count = mean(days_late)}, {@code share_paid_late =
 * count(days_late &gt; 0) / count}. And {@code open_overdue_age_days} at d (from the aged
 * balance's late components).
 *
 * <p>Every aggregate is derived from additive components ({@link #COMPONENTS}), so delays of
 * any grouping or any union of periods are the sums of the components, then {@link #withRatios}.
 */
public final class Delays {
    /**
     * Additive components: {@code invoices_settled} (count), {@code amount_settled} (Σ amount,
     * EUR), {@code invoices_paid_late} (count with days_late &gt; 0), {@code days_late_total}
     * (Σ days_late), {@code amount_days_late} (Σ amount × days_late, EUR·days, exact).
     */
    public static final List<String> COMPONENTS = List.of("invoices_settled", "amount_settled",
            "invoices_paid_late", "days_late_total", "amount_days_late");

    private Delays() {
    }

    /**
     * The settled invoices of {@code documents} ({@code Documents.documents}): every column
     * of it plus {@code days_late} (int) and the components of one invoice
     * ({@code invoices_settled} = 1, …), ready for {@link #aggregate}.
     */
    public static Dataset<Row> settled(Dataset<Row> documents) {
        Column daysLate = greatest(lit(0), datediff(col("settle_date"), col("due_date")));
        return documents.filter(col("document_type").equalTo("INVOICE").and(col("settle_date").isNotNull()))
                .withColumn("days_late", daysLate)
                .withColumn("invoices_settled", lit(1L))
                .withColumn("amount_settled", col("amount_eur"))
                .withColumn("invoices_paid_late", when(col("days_late").gt(0), lit(1L)).otherwise(lit(0L)))
                .withColumn("days_late_total", col("days_late").cast("long"))
                .withColumn("amount_days_late", Dec.times(col("amount_eur"), col("days_late")));
    }

    /**
     * Delay aggregates of {@code settled} ({@link #settled}, filtered as the caller wishes)
     * per {@code groupBy}: the group columns, the {@link #COMPONENTS} and the ratios of
     * {@link #withRatios}. Example, the collector portfolio delay per month:
     * {@code aggregate(settled(documents), col("collector_id"),
     * Periods.MONTH.label(col("settle_date")).as("period"))}.
     */
    public static Dataset<Row> aggregate(Dataset<Row> settled, Column... groupBy) {
        Column[] sums = COMPONENTS.stream().map(c -> sum(col(c)).as(c)).toArray(Column[]::new);
        return withRatios(settled.groupBy(groupBy).agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length)));
    }

    /**
     * Delay aggregates per period of {@code granularity} (by settle_date) and per
     * {@code groupColumns} of the documents (e.g. {@code scenario_id}, {@code collector_id};
     * null values form their own group): the group columns, {@code period} (label),
     * {@code period_start}, the {@link #COMPONENTS} and the ratios.
     *
     * @param documents {@code Documents.documents(s, applications)}
     */
    public static Dataset<Row> byPeriod(Dataset<Row> documents, Periods granularity, String... groupColumns) {
        List<Column> group = new ArrayList<>();
        for (String c : groupColumns) {
            group.add(col(c));
        }
        group.add(granularity.label(col("settle_date")).as("period"));
        group.add(granularity.start(col("settle_date")).as("period_start"));
        return aggregate(settled(documents), group.toArray(Column[]::new));
    }

    /**
     * Adds {@code average_delay_days}, {@code average_delay_days_by_count} and
     * {@code share_paid_late} (DECIMAL(38,10), null without settled invoices) to rows holding
     * the {@link #COMPONENTS}.
     */
    public static Dataset<Row> withRatios(Dataset<Row> components) {
        return components
                .withColumn("average_delay_days", Dec.div(col("amount_days_late"), col("amount_settled")))
                .withColumn("average_delay_days_by_count", Dec.div(col("days_late_total"), col("invoices_settled")))
                .withColumn("share_paid_late", Dec.div(col("invoices_paid_late"), col("invoices_settled")));
    }

    /**
     * The components per settle month and cube cell: {@code month_start, entity_key,
     * segment_key, collector_key}, {@link #COMPONENTS}. The base of every delay series and of
     * the national benchmark comparisons.
     */
    public static Dataset<Row> monthlyCube(Dataset<Row> documents) {
        return Cube.sum(settled(documents).withColumn("month_start", trunc(col("settle_date"), "month")),
                List.of("month_start"), COMPONENTS);
    }

    /**
     * The components per period of {@code granularity} and cube cell, summed from
     * {@link #monthlyCube}: {@code period, entity_key, segment_key, collector_key},
     * {@link #COMPONENTS} (no ratios).
     */
    public static Dataset<Row> rollUp(Dataset<Row> monthlyCube, Periods granularity) {
        Column[] sums = COMPONENTS.stream().map(c -> sum(col(c)).as(c)).toArray(Column[]::new);
        return monthlyCube.groupBy(granularity.label(col("month_start")).as("period"), col(Cube.ENTITY_KEY),
                        col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY))
                .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length));
    }

    /**
     * Table {@code fin_delays}: per granularity ({@code month}, {@code quarter}), period of the
     * history and cube cell, every cell at every period. Columns {@code granularity, period,
     * period_start, period_end} (last day, or T), the keys, {@link #COMPONENTS}, the ratios,
     * {@code open_overdue_eur} and {@code open_overdue_age_days} (at period_end).
     *
     * @param cells {@code Cube.cells}
     * @param monthlyCube {@link #monthlyCube}
     * @param agingCube {@code AgedBalance.cube} (for the open overdue age)
     */
    public static Dataset<Row> table(SparkSession spark, History history, Dataset<Row> cells,
            Dataset<Row> monthlyCube, Dataset<Row> agingCube) {
        List<Periods> granularities = List.of(Periods.MONTH, Periods.QUARTER);
        Dataset<Row> late = agingCube.select(col("as_of").as("period_end"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY),
                col(Cube.COLLECTOR_KEY), col("late_remaining_eur"), col("late_remaining_eur_days"));
        Dataset<Row> result = null;
        for (int i = 0; i < granularities.size(); i++) {
            Periods g = granularities.get(i);
            Dataset<Row> grid = cells.crossJoin(broadcast(history.periods(spark, g)
                            .select("period", "period_start", "period_end")))
                    .withColumn("granularity", lit(g.apiName()));
            Dataset<Row> one = grid.join(rollUp(monthlyCube, g), seq("period", Cube.KEYS), "left")
                    .join(late, seq("period_end", Cube.KEYS), "left");
            result = result == null ? one : result.unionByName(one);
        }
        List<Column> out = new ArrayList<>(List.of(col("granularity"), col("period"), col("period_start"),
                col("period_end"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col(Cube.COLLECTOR_KEY)));
        for (String c : COMPONENTS) {
            out.add(coalesce(col(c), c.equals("amount_settled") || c.equals("amount_days_late")
                    ? Dec.zero() : lit(0L)).as(c));
        }
        out.add(coalesce(col("late_remaining_eur"), Dec.zero()).as("open_overdue_eur"));
        out.add(Dec.div(col("late_remaining_eur_days"), col("late_remaining_eur")).as("open_overdue_age_days"));
        Dataset<Row> rows = withRatios(result.select(out.toArray(Column[]::new)));
        List<Column> ordered = new ArrayList<>();
        for (String c : rows.columns()) {
            if (!c.startsWith("open_overdue")) {
                ordered.add(col(c));
            }
        }
        ordered.add(col("open_overdue_eur"));
        ordered.add(col("open_overdue_age_days"));
        return rows.select(ordered.toArray(Column[]::new));
    }

    private static scala.collection.immutable.Seq<String> seq(String first, List<String> keys) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(keys);
        return scala.jdk.javaapi.CollectionConverters.asScala(all).toList();
    }
}
