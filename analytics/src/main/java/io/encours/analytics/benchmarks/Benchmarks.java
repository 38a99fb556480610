package io.encours.analytics.benchmarks;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.cube.Cube;
import io.encours.analytics.cube.Dec;
import io.encours.analytics.cube.History;
import io.encours.analytics.cube.Periods;
import io.encours.analytics.sales.Sales;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Comparisons of our figures with the published national ones (METRICS.md, "National
 * benchmarks"), for the group, per entity, per segment (and per entity and segment): the
 * cube cells with collector key {@value Cube#ALL}.
 *
 * <ul>
 *   <li>{@code DELAY} figures (retards: Altares, Ellisphere) against our amount-weighted
 *       average delay over the invoices settled in the same period (year, half or quarter);</li>
 *   <li>{@code DSO} figures (délais: Banque de France / ODP) against our standard DSO with
 *       N = {@value #DSO_WINDOW} at the period end (METRICS.md's standard DSO and its default
 *       window). The BdF ratio is year-end receivables × 360 / the year's sales; the same
 *       basis on our data (AR(d) × 360 / Sales(d − 365, d]) is given beside it as
 *       {@code ours_annual_360}, never as the compared figure.</li>
 * </ul>
 *
 * <p>A figure is compared only when our history covers it: DELAY when the whole period lies
 * in [coverage start, T]; DSO when the period end is ≤ T and the window (d − 90, d] starts on
 * or after the coverage start. Figures outside are omitted. {@code cash_at_stake =
 * max(0, ours − national) × Sales(d − 365, d] / 365} (d = period end) is null when that year
 * of sales is not covered ({@code sales_year_complete} false) or ours is null.
 */
public final class Benchmarks {
    /** The standard DSO window compared with the Banque de France délais. */
    public static final int DSO_WINDOW = 90;
    public static final String OUR_DELAY_DEFINITION = "Average payment delay: amount-weighted mean of "
            + "max(0, settle_date − due_date) over the invoices settled in the period, tax included "
            + "(METRICS.md average_delay_days)";
    public static final String OUR_DSO_DEFINITION = "Standard DSO at the period end d with N = 90: "
            + "AR(d) / Sales(d − 90, d] × 90, tax included (METRICS.md); ours_annual_360 gives "
            + "AR(d) × 360 / Sales(d − 365, d], the Banque de France basis";

    private Benchmarks() {
    }

    /** Whether our history covers a figure (see the class comment). */
    public static boolean covered(NationalFigure f, History history) {
        LocalDate end = f.periodEnd();
        if (end.isAfter(history.snapshotDate())) {
            return false;
        }
        if (NationalFigure.DELAY.equals(f.family())) {
            return !f.periodStart().isBefore(history.coverageStart());
        }
        return !end.minusDays(DSO_WINDOW - 1).isBefore(history.coverageStart())
                && history.asOfDates().contains(end);
    }

    /** Whether Sales(d − 365, d] at the figure's period end is covered by the history. */
    public static boolean salesYearCovered(NationalFigure f, History history) {
        return !f.periodEnd().minusDays(364).isBefore(history.coverageStart());
    }

    /**
     * {@code max(0, ours − national) × sales365 / 365}: the cash freed if ours closed the gap;
     * null when ours or sales365 is null.
     */
    public static Column cashAtStake(Column ours, Column national, Column sales365) {
        Column gap = greatest(Dec.subtract(ours, national), Dec.zero());
        return when(ours.isNotNull().and(sales365.isNotNull()),
                Dec.div(Dec.multiply(gap, sales365), lit(365))).cast(Dec.EUR);
    }

    /**
     * Table {@code fin_benchmarks}: one row per covered national figure and cube cell with
     * collector key {@value Cube#ALL} (see docs/tables/financial.md).
     *
     * @param cells {@code Cube.cells}
     * @param delaysMonthlyCube {@code Delays.monthlyCube}
     * @param agingCube {@code AgedBalance.cube}
     * @param salesWindows {@code Sales.windows}
     */
    public static Dataset<Row> compare(SparkSession spark, History history, List<NationalFigure> figures,
            Dataset<Row> cells, Dataset<Row> delaysMonthlyCube, Dataset<Row> agingCube, Dataset<Row> salesWindows) {
        List<Row> rows = new ArrayList<>();
        for (NationalFigure f : figures) {
            if (covered(f, history)) {
                rows.add(RowFactory.create(f.family(), f.granularity().apiName(), f.period(),
                        Date.valueOf(f.periodStart()), Date.valueOf(f.periodEnd()), f.scopeType(), f.scope(),
                        f.comparableSegment(), f.valueDays(), f.source(), f.definition(), f.note(),
                        salesYearCovered(f, history)));
            }
        }
        StructType schema = NationalBenchmarks.schema().add("sales_year_complete", DataTypes.BooleanType, false);
        Dataset<Row> covered = spark.createDataFrame(rows, schema)
                .withColumnRenamed("value_days", "national")
                .withColumnRenamed("definition", "national_definition");

        Column groupCells = col(Cube.COLLECTOR_KEY).equalTo(Cube.ALL);
        Dataset<Row> base = cells.filter(groupCells).drop(Cube.COLLECTOR_KEY).crossJoin(broadcast(covered));

        // our average delay per year, half and quarter, from the monthly components
        List<Column> periods = new ArrayList<>();
        for (Periods g : List.of(Periods.YEAR, Periods.HALF, Periods.QUARTER)) {
            periods.add(struct(lit(g.apiName()).as("granularity"), g.label(col("month_start")).as("period")));
        }
        Dataset<Row> ourDelay = delaysMonthlyCube.filter(groupCells)
                .withColumn("p", explode(array(periods.toArray(Column[]::new))))
                .groupBy(lit(NationalFigure.DELAY).as("family"), col("p.granularity").as("granularity"),
                        col("p.period").as("period"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY))
                .agg(sum("amount_days_late").as("amount_days_late"), sum("amount_settled").as("amount_settled"))
                .withColumn("our_delay", Dec.div(col("amount_days_late"), col("amount_settled")));
        Dataset<Row> receivables = agingCube.filter(groupCells).select(col("as_of").as("period_end"),
                col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col("total").as("receivables"));
        Dataset<Row> sales = salesWindows.filter(groupCells).select(col("as_of").as("period_end"),
                col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col(Sales.windowColumn(DSO_WINDOW)).as("sales_dso"),
                col(Sales.windowColumn(365)).as("sales_year"));

        Dataset<Row> joined = base
                .join(ourDelay, seq("family", "granularity", "period", Cube.ENTITY_KEY, Cube.SEGMENT_KEY), "left")
                .join(receivables, seq("period_end", Cube.ENTITY_KEY, Cube.SEGMENT_KEY), "left")
                .join(sales, seq("period_end", Cube.ENTITY_KEY, Cube.SEGMENT_KEY), "left");
        Column isDso = col("family").equalTo(NationalFigure.DSO);
        Column ar = coalesce(col("receivables"), Dec.zero());
        Column salesDso = coalesce(col("sales_dso"), Dec.zero());
        Column salesYear = coalesce(col("sales_year"), Dec.zero());
        Column ours = when(isDso, when(salesDso.gt(0), Dec.div(Dec.times(ar, lit(DSO_WINDOW)), salesDso)))
                .otherwise(col("our_delay"));
        Column sales365 = when(col("sales_year_complete"), salesYear);
        Dataset<Row> result = joined
                .withColumn("ours", ours.cast(Dec.RATIO))
                .withColumn("sales_365", sales365.cast(Dec.EUR))
                .select(col("family"), col("granularity"), col("period"), col("period_start"), col("period_end"),
                        col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY), col("scope_type"), col("scope"),
                        col("comparable_segment"), col("source"), col("national"), col("ours"),
                        Dec.subtract(col("ours"), col("national")).cast(Dec.RATIO).as("gap_days"),
                        when(isDso, Dec.times(ar, lit(DSO_WINDOW))).otherwise(coalesce(col("amount_days_late"),
                                Dec.zero())).as("ours_numerator"),
                        when(isDso, salesDso).otherwise(coalesce(col("amount_settled"), Dec.zero()))
                                .as("ours_denominator"),
                        col("sales_365"), col("sales_year_complete"),
                        cashAtStake(col("ours"), col("national"), col("sales_365")).as("cash_at_stake"),
                        when(isDso.and(col("sales_year_complete")).and(salesYear.gt(0)), Dec.div(Dec.times(ar, lit(360)), salesYear))
                                .as("ours_annual_360"),
                        col("national_definition"),
                        when(isDso, lit(OUR_DSO_DEFINITION)).otherwise(lit(OUR_DELAY_DEFINITION)).as("our_definition"),
                        col("note"));
        return result;
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
    }
}
