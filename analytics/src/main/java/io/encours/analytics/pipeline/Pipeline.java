package io.encours.analytics.pipeline;

import io.encours.analytics.publish.DuckDbPublisher;
import io.encours.curated.CuratedSnapshot;
import io.encours.ingestion.Ingestion;
import io.encours.ingestion.IngestionConfig;
import io.encours.ingestion.IngestionReport;
import io.encours.storage.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest → analytics → publish. Each stage writes only into a new run folder (or a new database
 * file); the served state changes in one atomic switch at the very end, so a run that fails or
 * is killed anywhere leaves the last good results served.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger("encours.progress");

    private Pipeline() {
    }

    /** Runs the pipeline; the caller holds the warehouse's {@link PipelineLock}. */
    public static PipelineResult run(SparkSession spark, PipelineConfig config, Path warehouse) {
        Map<String, Long> timings = new LinkedHashMap<>();
        IngestionConfig ingestionConfig = config.ingestion();
        IngestionConfig local = new IngestionConfig(ingestionConfig.snapshotRoot(),
                ingestionConfig.snapshotDate(), warehouse.toString(), ingestionConfig.maxRejectShare(),
                ingestionConfig.keepRuns());
        long start = System.nanoTime();
        LOG.info("pipeline: stage 1/3 ingest");
        IngestionReport ingestion = Ingestion.run(spark, local);
        timings.put("ingest", millisSince(start));

        var hadoop = spark.sparkContext().hadoopConfiguration();
        Warehouse curatedArea = new Warehouse(warehouse.toString(), "curated", hadoop);
        CuratedSnapshot curated = CuratedSnapshot.read(spark, curatedArea, ingestion.runId());
        String runId = ingestion.runId();
        Warehouse analyticsArea = new Warehouse(warehouse.toString(), "analytics", hadoop);
        List<String> removedRuns = analyticsArea.cleanUp(local.keepRuns(), null);
        if (!removedRuns.isEmpty()) {
            LOG.info("analytics: removed old or interrupted analytics runs {}", removedRuns);
        }

        long analyticsStart = System.nanoTime();
        LOG.info("pipeline: stage 2/3 analytics");
        AnalyticsOutput output = AnalyticsRun.run(spark, curated, analyticsArea, runId, config);
        timings.put("analytics", millisSince(analyticsStart));
        output.timings().forEach((stage, ms) -> timings.put("analytics." + stage, ms));

        long publishStart = System.nanoTime();
        LOG.info("pipeline: stage 3/3 publish");
        DuckDbPublisher publisher = new DuckDbPublisher(warehouse.resolve("db"));
        List<Path> removedDatabases = publisher.cleanUp(local.keepRuns());
        if (!removedDatabases.isEmpty()) {
            LOG.info("publish: removed old or unfinished databases {}",
                    removedDatabases.stream().map(Path::getFileName).toList());
        }
        Path database = publisher.build(runId, output.tables(), output.checks(),
                MetaTables.of(runId, ingestion, timings, Instant.now()));
        analyticsArea.publish(runId);
        publisher.switchTo(database);
        timings.put("publish", millisSince(publishStart));
        timings.put("total", millisSince(start));
        return new PipelineResult(runId, ingestion, database, output.tables().size() + 3, timings);
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    /** The analytics stage's tables, the identities checked at publishing, and its timings. */
    public record AnalyticsOutput(List<io.encours.analytics.publish.PublishedTable> tables,
            List<DuckDbPublisher.Check> checks, Map<String, Long> timings) {
        public AnalyticsOutput {
            tables = List.copyOf(tables);
            checks = List.copyOf(checks);
            timings = new LinkedHashMap<>(timings);
        }
    }
}
