package io.encours.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import io.encours.storage.Warehouse;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intermediate results a job reads several times, written once as Parquet into a work folder of
 * its run and read back, instead of {@code Dataset.persist()}.
 *
 * <p>Why not the in-memory cache: a cached Dataset keeps its whole lineage in every plan built on
 * it, and Spark renders that lineage as text for each query it runs (SQL listener events, the
 * adaptive executor's plan updates, the cache's own name). With tables cached on top of cached
 * tables, that text grows with each level: on the 20,000-invoice sample, generating it took more
 * driver time than all the Spark jobs together. A table read back from Parquet is a file scan: the
 * plans stay small. It also holds no heap (large runs spilled the cache), survives the loss of an
 * executor on a cluster, and counting or filtering it reads only the columns asked for.
 *
 * <p>The folder must be on storage every executor sees (the warehouse, on a cluster). An
 * interrupted run leaves it inside its run folder, which the next run's clean-up removes.
 */
public final class WorkTables implements AutoCloseable {
    // DEBUG: which intermediate a stage's time goes to (logger encours.work=DEBUG).
    private static final Logger LOG = LoggerFactory.getLogger("encours.work");
    private final SparkSession spark;
    private final Path folder;
    private int written;

    public WorkTables(SparkSession spark, Path folder) {
        this.spark = requireNonNull(spark, "spark");
        this.folder = requireNonNull(folder, "folder");
    }

    /** The work folder of a run of {@code area}: {@code <run>/_work}. */
    public static WorkTables inRun(SparkSession spark, Warehouse area, String runId) {
        return new WorkTables(spark, new Path(area.runPath(runId), "_work"));
    }

    /**
     * Writes {@code rows} (runs the job now) and returns them read back. The schema is given to
     * the reader, not inferred: an empty result reads back empty, decimals keep their scale.
     */
    public Dataset<Row> keep(String name, Dataset<Row> rows) {
        String path = new Path(folder, String.format(Locale.ROOT, "%03d-%s", ++written,
                name.replaceAll("[^A-Za-z0-9_-]", "_"))).toString();
        long start = System.nanoTime();
        rows.write().parquet(path);
        LOG.debug("{} written in {} ms", path, (System.nanoTime() - start) / 1_000_000);
        return spark.read().schema(rows.schema()).parquet(path);
    }

    /** Deletes the work folder and everything in it. */
    @Override
    public void close() {
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.delete(folder, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the work folder " + folder, e);
        }
    }
}
