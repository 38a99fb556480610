package io.encours.analytics.forecast;

import io.encours.analytics.balances.Documents;
import io.encours.curated.CuratedSnapshot;
import io.encours.spark.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Not a test: measures the forecast on a curated warehouse (docs/FORECAST.md, "Measured").
 * {@code java -cp … io.encours.analytics.forecast.ForecastBench <warehouse>}; run by hand.
 */
public final class ForecastBench {
    private ForecastBench() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSessions.forJob("forecast-bench", ForecastBench.class, null, Map.of());
        spark.sparkContext().setLogLevel("ERROR");
        org.apache.logging.log4j.core.config.Configurator.setLevel("encours.progress",
                org.apache.logging.log4j.Level.INFO);
        ForecastConfig config = args.length > 1
                ? ForecastConfig.defaults().withShiftWindowDays(Integer.parseInt(args[1])) : ForecastConfig.defaults();
        CuratedSnapshot s = CuratedSnapshot.readCurrent(spark, args[0]);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Dataset<Row> applications = Documents.applications(s).cache();
        Dataset<Row> documents = Documents.documents(s, applications).cache();
        long docs = documents.count();
        long t1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        System.out.printf("documents: %d rows in %d ms (process CPU %d ms)%n", docs, (t1 - t0) / 1_000_000,
                (c1 - c0) / 1_000_000);
        Map<String, Dataset<Row>> tables = CashForecast.compute(spark, s, documents, applications, config);
        long t2 = System.nanoTime();
        System.out.printf("compute (eager part): %d ms%n", (t2 - t1) / 1_000_000);
        for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
            long a = System.nanoTime();
            long n = e.getValue().count();
            System.out.printf("  %s: %d rows, count in %d ms%n", e.getKey(), n, (System.nanoTime() - a) / 1_000_000);
        }
        System.out.printf("total forecast stage: %d ms (process CPU %d ms, %d cores)%n",
                (System.nanoTime() - t1) / 1_000_000, (os.getProcessCpuTime() - c1) / 1_000_000,
                Runtime.getRuntime().availableProcessors());
        tables.get(CashForecast.BACKTEST_SUMMARY).orderBy("entity_key", "segment_key").show(60, false);
        tables.get(CashForecast.BACKTEST).filter("entity_key = '*' and segment_key = '*'").orderBy("week")
                .show(20, false);
        tables.get(CashForecast.PERIODS).filter("entity_key = '*' and segment_key = '*'")
                .orderBy("granularity", "period_index").show(20, false);
        spark.stop();
    }
}
