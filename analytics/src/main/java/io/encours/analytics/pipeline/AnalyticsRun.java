package io.encours.analytics.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.encours.analytics.balances.Documents;
import io.encours.analytics.collectors.CollectionTables;
import io.encours.analytics.cube.Cube;
import io.encours.analytics.cube.FinancialTables;
import io.encours.analytics.cube.History;
import io.encours.analytics.cube.Periods;
import io.encours.analytics.delays.Delays;
import io.encours.analytics.forecast.CashForecast;
import io.encours.analytics.forecast.ForecastConfig;
import io.encours.analytics.publish.DuckDbPublisher;
import io.encours.analytics.publish.PublishedTable;
import io.encours.curated.CuratedSnapshot;
import io.encours.spark.JobStage;
import io.encours.spark.WorkTables;
import io.encours.storage.Warehouse;
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
 * The analytics stage: every table of docs/tables/ computed from one curated snapshot and
 * written as Parquet into a new analytics run folder, ready to be loaded into DuckDB. The
 * metric families compute their own tables; this class only assembles the few columns a
 * table takes from another family (portfolio figures) and decides how tables are published.
 */
final class AnalyticsRun {
    private AnalyticsRun() {
    }

    static Pipeline.AnalyticsOutput run(SparkSession spark, CuratedSnapshot s, Warehouse area, String runId,
            PipelineConfig config) {
        // Intermediates read by several tables are written to the run's work folder, not cached
        // (WorkTables says why), and deleted once the tables are written.
        try (WorkTables work = WorkTables.inRun(spark, area, runId)) {
            return run(spark, s, area, runId, config, work);
        }
    }

    private static Pipeline.AnalyticsOutput run(SparkSession spark, CuratedSnapshot s, Warehouse area, String runId,
            PipelineConfig config, WorkTables work) {
        Map<String, Long> timings = new LinkedHashMap<>();
        // The shared intermediates are written now, in a stage of their own; the families' stages
        // below then only compute and write their own tables.
        JobStage.Timed<Defined> timed = JobStage.run(spark, "analytics: shared intermediates",
                () -> define(spark, s, config, rows -> work.keep("shared", rows)));
        timings.put("shared intermediates", timed.millis());
        Defined defined = timed.value();
        Dataset<Row> documents = defined.documents();
        Dataset<Row> applications = defined.applications();
        Map<String, Dataset<Row>> tables = defined.tables();
        LocalDate t = s.snapshotDate();
        ForecastConfig forecast = new ForecastConfig(config.forecastHorizonDays(), config.backtestCutoffs(),
                ForecastConfig.DEFAULT_BACKTEST_WEEKS, config.promiseGraceDays(),
                ForecastConfig.DEFAULT_SHRINKAGE_K, ForecastConfig.DEFAULT_RANGE_LEVEL,
                ForecastConfig.DEFAULT_SHIFT_WINDOW_DAYS);
        Map<String, Dataset<Row>> forecastTables = new LinkedHashMap<>();
        timings.put("forecast", JobStage.run(spark, "analytics: cash forecast and backtest",
                () -> forecastTables.putAll(CashForecast.compute(spark, s, documents, applications, forecast))));

        List<PublishedTable> published = new ArrayList<>();
        write(spark, area, runId, tables, published, timings);
        long forecastWrite = JobStage.run(spark, "analytics: write forecast tables",
                () -> writeAll(area, runId, forecastTables, published));
        timings.merge("forecast", forecastWrite, Long::sum);
        return new Pipeline.AnalyticsOutput(published, PublishChecks.all(t), timings);
    }

    /** The tables other than the forecast's, with the documents and applications they read. */
    private record Defined(Dataset<Row> documents, Dataset<Row> applications, Map<String, Dataset<Row>> tables) {
    }

    private static Defined define(SparkSession spark, CuratedSnapshot s, PipelineConfig config,
            UnaryOperator<Dataset<Row>> share) {
        LocalDate t = s.snapshotDate();
        Dataset<Row> applications = share.apply(Documents.applications(s));
        Dataset<Row> documents = share.apply(Documents.documents(s, applications));
        LocalDate first = documents.agg(min(col("issue_date"))).first().getDate(0).toLocalDate();
        History history = History.of(Documents.monthEnds(first, t), t);

        Map<String, Dataset<Row>> tables = new LinkedHashMap<>(dimensions(s));
        Map<String, Dataset<Row>> financial = FinancialTables.compute(spark, s, documents, applications, history,
                share);
        tables.putAll(financial);
        Dataset<Row> openAtT = share.apply(Documents.openBalances(spark, documents, applications, s.disputes(),
                List.of(t)));
        Map<String, Dataset<Row>> collection = CollectionTables.compute(spark, s, documents, applications,
                openAtT, config.promiseGraceDays(), config.attributionWindowDays(), share);
        tables.putAll(collection);
        tables.put(CollectionTables.SCENARIO_EFFECTIVENESS, withScenarioPortfolioDelay(
                collection.get(CollectionTables.SCENARIO_EFFECTIVENESS), documents));
        tables.put(CollectionTables.COLLECTOR_PERFORMANCE, withCollectorPortfolio(
                collection.get(CollectionTables.COLLECTOR_PERFORMANCE), financial));
        return new Defined(documents, applications, tables);
    }

    /** Writes the tables family by family, so that each family's time is on the console. */
    private static void write(SparkSession spark, Warehouse area, String runId, Map<String, Dataset<Row>> tables,
            List<PublishedTable> published, Map<String, Long> timings) {
        Map<String, Map<String, Dataset<Row>>> families = new LinkedHashMap<>();
        tables.forEach((name, rows) -> families.computeIfAbsent(family(name), f -> new LinkedHashMap<>())
                .put(name, rows));
        families.forEach((family, rows) -> timings.put(family, JobStage.run(spark,
                "analytics: " + family, () -> writeAll(area, runId, rows, published))));
    }

    private static void writeAll(Warehouse area, String runId, Map<String, Dataset<Row>> tables,
            List<PublishedTable> published) {
        tables.forEach((name, rows) -> {
            String path = new org.apache.hadoop.fs.Path(area.runPath(runId), name).toString();
            rows.write().parquet(path);
            published.add(PublishLayout.of(name, path));
        });
    }

    private static String family(String table) {
        if (table.startsWith("dim_")) {
            return "dimensions";
        }
        if (table.startsWith("fin_dso")) {
            return "dso";
        }
        if (table.startsWith("fin_aged")) {
            return "aged balance";
        }
        if (table.startsWith("fin_benchmarks") || table.startsWith("fin_national")) {
            return "benchmarks";
        }
        if (table.startsWith("fin_")) {
            return "delays, cei, unpaid rate";
        }
        if (table.startsWith("promise_")) {
            return "promises";
        }
        if (table.startsWith("worklist")) {
            return "worklists";
        }
        return "attribution, scenarios, collectors";
    }

    /** The reference tables the API filters and labels with (docs/tables/meta.md). */
    private static Map<String, Dataset<Row>> dimensions(CuratedSnapshot s) {
        Map<String, Dataset<Row>> dims = new LinkedHashMap<>();
        dims.put("dim_entities", s.entities().select("entity_id", "name", "country"));
        dims.put("dim_collectors", s.collectors().select("collector_id", "name", "team"));
        dims.put("dim_scenarios", s.scenarios().select("scenario_id", "name", "target_segment"));
        dims.put("dim_debtors", s.debtors().select("debtor_id", "name", "entity_id", "segment", "collector_id",
                "scenario_id", "credit_score", "insolvency"));
        return dims;
    }

    /**
     * Scenario effectiveness' portfolio outcome: the average delay of invoices settled in the
     * period whose debtor is assigned to the scenario (MANUAL: debtors without one), from the
     * delay metric itself.
     */
    private static Dataset<Row> withScenarioPortfolioDelay(Dataset<Row> effectiveness, Dataset<Row> documents) {
        Dataset<Row> settled = Delays.settled(documents)
                .withColumn("p_scenario", coalesce(col("scenario_id"), lit("MANUAL")));
        Dataset<Row> monthly = Delays.aggregate(settled, col("p_scenario"),
                Periods.MONTH.label(col("settle_date")).as("p_period"));
        Dataset<Row> whole = Delays.aggregate(settled, col("p_scenario")).withColumn("p_period", lit("ALL"));
        Dataset<Row> portfolio = monthly.unionByName(whole)
                .select(col("p_scenario"), col("p_period"), col("average_delay_days").as("portfolio_average_delay_days"));
        return effectiveness.join(portfolio, col("scenario_id").equalTo(col("p_scenario"))
                        .and(col("period").equalTo(col("p_period"))), "left")
                .drop("p_scenario", "p_period");
    }

    /**
     * Collector performance's portfolio figures (debtors whose current collector is c): the aged
     * balance's overdue at the month end, the standard DSO (N = 90) at the month end and the
     * average delay of the month, all read from the financial tables' collector cells.
     */
    private static Dataset<Row> withCollectorPortfolio(Dataset<Row> performance, Map<String, Dataset<Row>> fin) {
        org.apache.spark.sql.Column collectorCell = col(Cube.ENTITY_KEY).equalTo(Cube.ALL)
                .and(col(Cube.SEGMENT_KEY).equalTo(Cube.ALL));
        Dataset<Row> overdue = fin.get(FinancialTables.AGED_BALANCE).filter(collectorCell)
                .select(col(Cube.COLLECTOR_KEY).as("o_collector"), col("period").as("o_period"),
                        col("overdue").as("portfolio_overdue_eur"));
        Dataset<Row> dso = fin.get(FinancialTables.DSO).filter(collectorCell.and(col("window_days").equalTo(90)))
                .select(col(Cube.COLLECTOR_KEY).as("s_collector"), col("period").as("s_period"),
                        col("dso").as("portfolio_dso"));
        Dataset<Row> delay = fin.get(FinancialTables.DELAYS).filter(collectorCell
                        .and(col("granularity").equalTo("month")))
                .select(col(Cube.COLLECTOR_KEY).as("y_collector"), col("period").as("y_period"),
                        col("average_delay_days").as("portfolio_average_delay_days"));
        return performance
                .join(overdue, col("collector_id").equalTo(col("o_collector"))
                        .and(col("month").equalTo(col("o_period"))), "left")
                .join(dso, col("collector_id").equalTo(col("s_collector"))
                        .and(col("month").equalTo(col("s_period"))), "left")
                .join(delay, col("collector_id").equalTo(col("y_collector"))
                        .and(col("month").equalTo(col("y_period"))), "left")
                .drop("o_collector", "o_period", "s_collector", "s_period", "y_collector", "y_period");
    }

    static DuckDbPublisher.Check check(String description, String sql) {
        return new DuckDbPublisher.Check(description, sql);
    }
}
