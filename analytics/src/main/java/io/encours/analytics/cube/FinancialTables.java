package io.encours.analytics.cube;

import static org.apache.spark.sql.functions.col;

import io.encours.analytics.aging.AgedBalance;
import io.encours.analytics.balances.Documents;
import io.encours.analytics.benchmarks.Benchmarks;
import io.encours.analytics.benchmarks.NationalBenchmarks;
import io.encours.analytics.benchmarks.NationalFigure;
import io.encours.analytics.cei.Cei;
import io.encours.analytics.delays.Delays;
import io.encours.analytics.dso.Dso;
import io.encours.analytics.dso.DsoTables;
import io.encours.analytics.sales.Sales;
import io.encours.analytics.unpaid.UnpaidRate;
import io.encours.curated.CuratedSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the financial metrics (METRICS.md: balances-based metrics, DSO, CEI,
 * payment delays, unpaid rate, aged balance, national benchmarks): every table of
 * docs/tables/financial.md as a lazy Dataset, ready to be written as Parquet.
 *
 * <p>Intermediate results shared by several tables (the debtor balances at every date, the
 * small cubes of balances, sales and delays) go through the caller's {@code share}, so writing
 * the tables one after the other computes each only once. Pass {@code documents} and
 * {@code applications} shared the same way: every family reads them.
 */
public final class FinancialTables {
    public static final String SALES_MONTHLY = "fin_sales_monthly";
    public static final String DSO = "fin_dso";
    public static final String DSO_COUNTBACK = "fin_dso_countback";
    public static final String DSO_DEBTOR = "fin_dso_debtor";
    public static final String DSO_COUNTBACK_DEBTOR = "fin_dso_countback_debtor";
    public static final String CEI = "fin_cei";
    public static final String DELAYS = "fin_delays";
    public static final String UNPAID_RATE = "fin_unpaid_rate";
    public static final String AGED_BALANCE = "fin_aged_balance";
    public static final String AGED_BALANCE_DEBTOR = "fin_aged_balance_debtor";
    public static final String NATIONAL_BENCHMARKS = "fin_national_benchmarks";
    public static final String BENCHMARKS = "fin_benchmarks";

    private static final List<String> CELL = List.of(Cube.ENTITY_KEY, Cube.SEGMENT_KEY, Cube.COLLECTOR_KEY);

    /**
     * How a table is to be loaded (docs/tables/financial.md): the {@code ORDER BY} that keeps
     * the API's lookups on few row groups, and the columns that are never null (its key).
     * The Spark tables are not sorted: the publisher sorts once, at load.
     */
    public record Layout(List<String> orderBy, List<String> notNull) {
        public Layout {
            orderBy = List.copyOf(orderBy);
            notNull = List.copyOf(notNull);
        }
    }

    /** The layout of every table, by name. */
    public static final Map<String, Layout> LAYOUTS = Map.ofEntries(
            Map.entry(SALES_MONTHLY, layout(cat(CELL, "period"), cat(CELL, "period", "period_start", "sales"))),
            Map.entry(DSO, layout(cat(CELL, "window_days", "as_of"), cat(CELL, "window_days", "as_of", "period"))),
            Map.entry(DSO_COUNTBACK, layout(cat(CELL, "as_of"), cat(CELL, "as_of", "period", "dso", "capped"))),
            Map.entry(DSO_DEBTOR, layout(List.of("debtor_id", "window_days"), List.of("as_of", "debtor_id",
                    "window_days", "entity_id", "segment", "collector_id"))),
            Map.entry(DSO_COUNTBACK_DEBTOR, layout(List.of("debtor_id"), List.of("as_of", "debtor_id", "entity_id",
                    "segment", "collector_id", "dso", "capped"))),
            Map.entry(CEI, layout(cat(CELL, "period"), cat(CELL, "period", "period_end"))),
            Map.entry(DELAYS, layout(cat(List.of("granularity"), cat(CELL, "period").toArray(String[]::new)),
                    cat(CELL, "granularity", "period", "invoices_settled"))),
            Map.entry(UNPAID_RATE, layout(cat(CELL, "period"), cat(CELL, "period", "final"))),
            Map.entry(AGED_BALANCE, layout(cat(List.of("as_of"), CELL.toArray(String[]::new)),
                    cat(CELL, "as_of", "period", "total"))),
            Map.entry(AGED_BALANCE_DEBTOR, layout(List.of("as_of", "entity_id", "debtor_id"), List.of("as_of",
                    "period", "debtor_id", "entity_id", "segment", "collector_id", "total"))),
            Map.entry(NATIONAL_BENCHMARKS, layout(List.of("family", "period", "source", "scope_type", "scope"),
                    List.of("family", "granularity", "period", "scope_type", "scope", "value_days", "source"))),
            Map.entry(BENCHMARKS, layout(List.of("family", "granularity", Cube.ENTITY_KEY, Cube.SEGMENT_KEY, "period",
                    "source", "scope_type", "scope"), List.of("family", "granularity", "period", Cube.ENTITY_KEY,
                    Cube.SEGMENT_KEY, "source", "scope_type", "scope", "national"))));

    private FinancialTables() {
    }

    private static Layout layout(List<String> orderBy, List<String> notNull) {
        return new Layout(orderBy, notNull);
    }

    private static List<String> cat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * Every financial table (name → Dataset), in a stable order.
     *
     * @param s the curated snapshot (T, debtors, entities, collectors, disputes)
     * @param documents {@code Documents.documents(s, applications)}
     * @param applications {@code Documents.applications(s)}
     * @param history the month ends of the history and T ({@code Documents.monthEnds(first, T)})
     * @param share applied to the intermediates that several tables read: the job writes them to
     *     its work folder ({@code WorkTables}), tests cache them
     */
    public static Map<String, Dataset<Row>> compute(SparkSession spark, CuratedSnapshot s, Dataset<Row> documents,
            Dataset<Row> applications, History history, UnaryOperator<Dataset<Row>> share) {
        LocalDate t = s.snapshotDate();
        Dataset<Row> dates = history.dates(spark);
        Dataset<Row> cells = share.apply(Cube.cells(s.debtors()));

        Dataset<Row> open = Documents.openBalances(spark, documents, applications, s.disputes(),
                history.balanceDates());
        Dataset<Row> debtorBalances = share.apply(AgedBalance.debtorBalances(open));
        Dataset<Row> agingCube = share.apply(AgedBalance.cube(debtorBalances));
        Dataset<Row> dailySales = share.apply(Sales.daily(documents));
        Dataset<Row> salesWindows = share.apply(Sales.windows(dailySales, dates));
        Dataset<Row> monthlySales = share.apply(Sales.monthly(dailySales));
        Dataset<Row> delaysMonthly = share.apply(Delays.monthlyCube(documents));
        Dataset<Row> debtorWindows = share.apply(Sales.debtorWindows(documents, t));
        List<NationalFigure> figures = NationalBenchmarks.load();

        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(SALES_MONTHLY, monthlySales.select(Periods.MONTH.label(col("month_start")).as("period"),
                        col("month_start").as("period_start"), col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY),
                        col(Cube.COLLECTOR_KEY), col("sales_eur").as("sales")));
        tables.put(DSO, DsoTables.standard(cells, dates, agingCube, salesWindows));
        tables.put(DSO_COUNTBACK, DsoTables.countback(cells, dates, agingCube, monthlySales));
        tables.put(DSO_DEBTOR, DsoTables.debtorStandard(debtorBalances, debtorWindows, s.debtors(), t));
        tables.put(DSO_COUNTBACK_DEBTOR, DsoTables.debtorCountback(debtorBalances, debtorWindows,
                Sales.monthlyByDebtor(documents, t, Dso.COUNTBACK_MONTHS), s.debtors(), t));
        tables.put(CEI, Cei.table(cells, history.periods(spark, Periods.MONTH), agingCube, monthlySales));
        tables.put(DELAYS, Delays.table(spark, history, cells, delaysMonthly, agingCube));
        tables.put(UNPAID_RATE, UnpaidRate.table(cells, share.apply(UnpaidRate.cohorts(documents, applications)), t));
        tables.put(AGED_BALANCE, AgedBalance.cubeTable(agingCube, dates, s.entities(), s.collectors()));
        tables.put(AGED_BALANCE_DEBTOR, AgedBalance.debtorTable(debtorBalances, s.debtors(), dates));
        tables.put(NATIONAL_BENCHMARKS, NationalBenchmarks.table(spark, figures));
        tables.put(BENCHMARKS, Benchmarks.compare(spark, history, figures, cells, delaysMonthly, agingCube,
                salesWindows));
        return tables;
    }
}
