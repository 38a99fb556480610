package io.encours.analytics.forecast;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.encours.curated.CuratedSnapshot;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The cash forecast from T + 1 and its backtest (METRICS.md "Cash forecast", docs/FORECAST.md,
 * docs/tables/forecast.md). The forecast at T and at every backtest cutoff are one computation
 * with the same code: the published forecast is the last as-of date of its own backtest.
 *
 * <p>{@link #compute} runs a few Spark jobs that each end in a small collected aggregate
 * (delay cohorts, promise counts and contributions, open-invoice cells, actual cash) and does
 * the rest on the driver; the small tables it returns are built from driver data, the two
 * detail tables at T ({@value #INVOICES}, {@value #PROMISES}) stay lazy.
 */
public final class CashForecast {
    /** Daily forecast from T + 1 per cube cell (entity_key, segment_key). */
    public static final String DAILY = "forecast_daily";
    /** The forecast per horizon week and calendar month, each with its own calibrated range. */
    public static final String PERIODS = "forecast_periods";
    /** One row per open invoice at T: what the model expects of it and why. */
    public static final String INVOICES = "forecast_invoices";
    /** One row per OPEN promise at T: its contribution. */
    public static final String PROMISES = "forecast_promises";
    /** Backtest per cube cell and horizon week. */
    public static final String BACKTEST = "forecast_backtest";
    /** Backtest per cube cell, cutoff and horizon week. */
    public static final String BACKTEST_DETAIL = "forecast_backtest_detail";
    /** Backtest per cube cell over the whole horizon. */
    public static final String BACKTEST_SUMMARY = "forecast_backtest_summary";
    /** The tables, in publication order. */
    public static final List<String> TABLES = List.of(DAILY, PERIODS, INVOICES, PROMISES, BACKTEST,
            BACKTEST_DETAIL, BACKTEST_SUMMARY);

    private CashForecast() {
    }

    /**
     * The forecast tables.
     *
     * @param documents {@code Documents.documents(s, applications)}
     * @param applications {@code Documents.applications(s)}
     * @return table name → rows, in {@link #TABLES} order
     */
    public static Map<String, Dataset<Row>> compute(SparkSession spark, CuratedSnapshot s, Dataset<Row> documents,
            Dataset<Row> applications, ForecastConfig config) {
        requireNonNull(spark, "spark");
        requireNonNull(s, "s");
        requireNonNull(documents, "documents");
        requireNonNull(applications, "applications");
        requireNonNull(config, "config");
        LocalDate t = s.snapshotDate();
        List<LocalDate> dates = config.asOfDates(t);
        ForecastRun run = ForecastRun.execute(spark, s, documents, applications, config, dates, config.computedDays());
        Evaluation eval = evaluate(run, t, config);

        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(DAILY, daily(spark, run, eval, t, config));
        tables.put(PERIODS, periods(spark, run, eval, t, config));
        Dataset<Row> openAtT = InvoiceComponent.openInvoices(spark, documents, applications, s.disputes(), List.of(t));
        tables.put(INVOICES, InvoiceComponent.explanations(spark, openAtT, documents, run.coveredAt(t),
                run.curves.get(t), run.segments, run.weekendKeep.get(t), t, config));
        tables.put(PROMISES, promises(run, t));
        tables.put(BACKTEST, backtest(spark, eval, config));
        tables.put(BACKTEST_DETAIL, backtestDetail(spark, run, eval, config));
        tables.put(BACKTEST_SUMMARY, summary(spark, run, eval, config));
        return tables;
    }

    /**
     * The backtest of every cell over horizon weeks and over T's calendar months (the same day
     * offsets from each cutoff); cells with too few ratios take the group's bands.
     */
    record Evaluation(int cutoffs, Backtest.Periods weeks, Backtest.Periods months,
            Map<ForecastRun.Cell, Backtest.Result> weekly, Map<ForecastRun.Cell, Backtest.Result> monthly) {
    }

    static Evaluation evaluate(ForecastRun run, LocalDate t, ForecastConfig config) {
        int cutoffs = run.asOfDates.size() - 1;
        Backtest.Periods weeks = Backtest.Periods.weeks(config.backtestWeeks());
        Backtest.Periods months = Backtest.Periods.months(t, config.horizonDays());
        Backtest.Periods calibrated = months.within(7 * config.backtestWeeks());
        return new Evaluation(cutoffs, weeks, months, evaluate(run, cutoffs, weeks, config),
                evaluate(run, cutoffs, calibrated, config));
    }

    private static Map<ForecastRun.Cell, Backtest.Result> evaluate(ForecastRun run, int cutoffs,
            Backtest.Periods periods, ForecastConfig config) {
        ForecastRun.Cell total = new ForecastRun.Cell(ForecastRun.Cell.ALL, ForecastRun.Cell.ALL);
        Backtest.Result group = Backtest.evaluate(Backtest.Table.of(run.cells.get(total), cutoffs, periods),
                config.rangeLevel(), null);
        Map<ForecastRun.Cell, Backtest.Result> result = new LinkedHashMap<>();
        run.cells.forEach((cell, series) -> result.put(cell, cell.equals(total) ? group
                : Backtest.evaluate(Backtest.Table.of(series, cutoffs, periods), config.rangeLevel(), group)));
        return result;
    }

    private static Dataset<Row> daily(SparkSession spark, ForecastRun run, Evaluation eval, LocalDate t,
            ForecastConfig config) {
        int at = run.indexOf(t);
        List<Row> rows = new ArrayList<>();
        run.cells.forEach((cell, s) -> {
            Backtest.Result weekly = eval.weekly().get(cell);
            for (int d = 0; d < config.horizonDays(); d++) {
                BigDecimal promised = Amounts.cents(s.promised[at][d]);
                BigDecimal invoices = Amounts.cents(s.invoices[at][d]);
                BigDecimal total = promised.add(invoices);
                Backtest.Band b = weekly.bandOf(d / 7);
                rows.add(RowFactory.create(Date.valueOf(t.plusDays(d + 1L)), d + 1, d / 7 + 1, cell.entity(),
                        cell.segment(), promised, invoices, total, low(total, b), high(total, b)));
            }
        });
        StructType schema = new StructType()
                .add("day", DataTypes.DateType, false)
                .add("day_index", DataTypes.IntegerType, false)
                .add("horizon_week", DataTypes.IntegerType, false)
                .add("entity_key", DataTypes.StringType, false)
                .add("segment_key", DataTypes.StringType, false)
                .add("promised", Amounts.CENTS, false)
                .add("invoices", Amounts.CENTS, false)
                .add("total", Amounts.CENTS, false)
                .add("low", Amounts.CENTS, true)
                .add("high", Amounts.CENTS, true);
        return spark.createDataFrame(rows, schema);
    }

    /** Horizon weeks and calendar months of the forecast, each with its own calibrated range. */
    private static Dataset<Row> periods(SparkSession spark, ForecastRun run, Evaluation eval, LocalDate t,
            ForecastConfig config) {
        int at = run.indexOf(t);
        Backtest.Periods weeks = Backtest.Periods.weeks((config.horizonDays() + 6) / 7).within(config.horizonDays());
        List<Row> rows = new ArrayList<>();
        run.cells.forEach((cell, s) -> {
            addPeriods(rows, "week", weeks, eval.weekly().get(cell), s, at, t, cell);
            addPeriods(rows, "month", eval.months(), eval.monthly().get(cell), s, at, t, cell);
        });
        StructType schema = new StructType()
                .add("granularity", DataTypes.StringType, false)
                .add("period_start", DataTypes.DateType, false)
                .add("period_end", DataTypes.DateType, false)
                .add("period_index", DataTypes.IntegerType, false)
                .add("days", DataTypes.IntegerType, false)
                .add("entity_key", DataTypes.StringType, false)
                .add("segment_key", DataTypes.StringType, false)
                .add("promised", Amounts.CENTS, false)
                .add("invoices", Amounts.CENTS, false)
                .add("total", Amounts.CENTS, false)
                .add("low", Amounts.CENTS, true)
                .add("high", Amounts.CENTS, true);
        return spark.createDataFrame(rows, schema);
    }

    private static void addPeriods(List<Row> rows, String granularity, Backtest.Periods periods,
            Backtest.Result result, ForecastRun.Series s, int at, LocalDate t, ForecastRun.Cell cell) {
        for (int p = 0; p < periods.count(); p++) {
            BigDecimal promised = BigDecimal.ZERO.setScale(2);
            BigDecimal invoices = BigDecimal.ZERO.setScale(2);
            for (int d = periods.start()[p]; d <= periods.end()[p]; d++) {
                promised = promised.add(Amounts.cents(s.promised[at][d]));
                invoices = invoices.add(Amounts.cents(s.invoices[at][d]));
            }
            BigDecimal total = promised.add(invoices);
            Backtest.Band b = result.bandOf(p);
            rows.add(RowFactory.create(granularity, Date.valueOf(t.plusDays(periods.start()[p] + 1L)),
                    Date.valueOf(t.plusDays(periods.end()[p] + 1L)), p + 1, periods.end()[p] - periods.start()[p] + 1,
                    cell.entity(), cell.segment(), promised, invoices, total, low(total, b), high(total, b)));
        }
    }

    private static BigDecimal low(BigDecimal total, Backtest.Band b) {
        return b.isDefined() ? Amounts.cents(total.doubleValue() * b.low()) : null;
    }

    private static BigDecimal high(BigDecimal total, Backtest.Band b) {
        return b.isDefined() ? Amounts.cents(total.doubleValue() * b.high()) : null;
    }

    private static Dataset<Row> promises(ForecastRun run, LocalDate t) {
        return run.promiseContributions.filter(col("as_of").equalTo(lit(Date.valueOf(t))))
                .withColumn("expected_eur", Amounts.cents(col("expected_eur")))
                .drop("as_of");
    }


    private static Dataset<Row> backtest(SparkSession spark, Evaluation eval, ForecastConfig config) {
        List<Row> rows = new ArrayList<>();
        eval.weekly().forEach((cell, r) -> {
            for (int w = 0; w < config.backtestWeeks(); w++) {
                Backtest.Band b = r.bands()[w];
                rows.add(RowFactory.create(cell.entity(), cell.segment(), w + 1, eval.cutoffs(),
                        Amounts.cents(sum(Backtest.column(r.table().actual(), w))),
                        Amounts.cents(sum(Backtest.column(r.table().forecast(), w))),
                        Amounts.cents(sum(Backtest.column(r.table().baseline(), w))),
                        finite(r.wape(w)), finite(r.baselineWape(w)), finite(r.coverage(w)),
                        b.isDefined() ? b.low() : null, b.isDefined() ? b.high() : null));
            }
        });
        StructType schema = new StructType()
                .add("entity_key", DataTypes.StringType, false)
                .add("segment_key", DataTypes.StringType, false)
                .add("week", DataTypes.IntegerType, false)
                .add("cutoffs", DataTypes.IntegerType, false)
                .add("actual", Amounts.CENTS, false)
                .add("forecast", Amounts.CENTS, false)
                .add("baseline", Amounts.CENTS, false)
                .add("wape", DataTypes.DoubleType, true)
                .add("baseline_wape", DataTypes.DoubleType, true)
                .add("coverage", DataTypes.DoubleType, true)
                .add("range_low_ratio", DataTypes.DoubleType, true)
                .add("range_high_ratio", DataTypes.DoubleType, true);
        return spark.createDataFrame(rows, schema);
    }

    private static Dataset<Row> backtestDetail(SparkSession spark, ForecastRun run, Evaluation eval,
            ForecastConfig config) {
        List<Row> rows = new ArrayList<>();
        eval.weekly().forEach((cell, r) -> {
            ForecastRun.Series s = run.cells.get(cell);
            for (int i = 0; i < eval.cutoffs(); i++) {
                LocalDate cutoff = run.asOfDates.get(i);
                for (int w = 0; w < config.backtestWeeks(); w++) {
                    double promised = 0;
                    double invoices = 0;
                    for (int d = 7 * w; d < 7 * w + 7; d++) {
                        promised += s.promised[i][d];
                        invoices += s.invoices[i][d];
                    }
                    double actual = r.table().actual()[i][w];
                    double forecast = r.table().forecast()[i][w];
                    Backtest.Band b = r.looBands()[i][w];
                    rows.add(RowFactory.create(cell.entity(), cell.segment(), Date.valueOf(cutoff), w + 1,
                            Date.valueOf(cutoff.plusDays(7L * w + 1)), Amounts.cents(actual),
                            Amounts.cents(promised), Amounts.cents(invoices), Amounts.cents(forecast),
                            Amounts.cents(r.table().baseline()[i][w]),
                            b.isDefined() ? Amounts.cents(forecast * b.low()) : null,
                            b.isDefined() ? Amounts.cents(forecast * b.high()) : null,
                            b.covers(actual, forecast)));
                }
            }
        });
        StructType schema = new StructType()
                .add("entity_key", DataTypes.StringType, false)
                .add("segment_key", DataTypes.StringType, false)
                .add("cutoff", DataTypes.DateType, false)
                .add("week", DataTypes.IntegerType, false)
                .add("week_start", DataTypes.DateType, false)
                .add("actual", Amounts.CENTS, false)
                .add("promised", Amounts.CENTS, false)
                .add("invoices", Amounts.CENTS, false)
                .add("forecast", Amounts.CENTS, false)
                .add("baseline", Amounts.CENTS, false)
                .add("low", Amounts.CENTS, true)
                .add("high", Amounts.CENTS, true)
                .add("covered", DataTypes.BooleanType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static Dataset<Row> summary(SparkSession spark, ForecastRun run, Evaluation eval, ForecastConfig config) {
        List<Row> rows = new ArrayList<>();
        int cutoffs = eval.cutoffs();
        eval.weekly().forEach((cell, r) -> {
            double wape = r.wape();
            double base = r.baselineWape();
            int better = 0;
            for (int w = 0; w < config.backtestWeeks(); w++) {
                if (r.wape(w) < r.baselineWape(w)) {
                    better++;
                }
            }
            rows.add(RowFactory.create(cell.entity(), cell.segment(), cutoffs, config.backtestWeeks(),
                    Date.valueOf(run.asOfDates.get(0)), Date.valueOf(run.asOfDates.get(cutoffs - 1)),
                    finite(wape), finite(base), finite(1 - wape / base), better, finite(r.coverage()),
                    finite(eval.monthly().get(cell).coverage()), config.rangeLevel()));
        });
        StructType schema = new StructType()
                .add("entity_key", DataTypes.StringType, false)
                .add("segment_key", DataTypes.StringType, false)
                .add("cutoffs", DataTypes.IntegerType, false)
                .add("weeks", DataTypes.IntegerType, false)
                .add("first_cutoff", DataTypes.DateType, false)
                .add("last_cutoff", DataTypes.DateType, false)
                .add("wape", DataTypes.DoubleType, true)
                .add("baseline_wape", DataTypes.DoubleType, true)
                .add("wape_reduction", DataTypes.DoubleType, true)
                .add("weeks_better_than_baseline", DataTypes.IntegerType, false)
                .add("coverage", DataTypes.DoubleType, true)
                .add("month_coverage", DataTypes.DoubleType, true)
                .add("range_level", DataTypes.DoubleType, false);
        return spark.createDataFrame(rows, schema);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static Double finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
