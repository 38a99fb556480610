package io.encours.ingestion;

import io.encours.contract.Table;
import io.encours.ingestion.schema.SparkTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads one table folder of a snapshot as it is (types are checked afterwards). */
public final class TableReader {
    /** Without these a snapshot means nothing: an empty one fails the run. */
    private static final Set<String> MUST_HAVE_ROWS = Set.of("entities", "debtors", "invoices");

    private TableReader() {
    }

    /**
     * Fails when a table without which a snapshot means nothing has no rows, whether its folder
     * holds no data file or only files without rows. Takes the count the caller already has.
     */
    public static void requireRows(String snapshotPath, Table table, long rows) {
        if (rows == 0 && MUST_HAVE_ROWS.contains(table.name())) {
            throw new InputException("table " + table.name() + " has no rows (no data in "
                    + new Path(snapshotPath, table.name()) + ")");
        }
    }

    public static Dataset<Row> read(SparkSession spark, String snapshotPath, Table table) {
        Path folder = new Path(snapshotPath, table.name());
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(folder) || !fs.getFileStatus(folder).isDirectory()) {
                throw new InputException("snapshot " + snapshotPath + " is missing table "
                        + table.name() + " (no folder " + folder + ")");
            }
            boolean hasData = Arrays.stream(fs.listStatus(folder))
                    .map(FileStatus::getPath)
                    .map(Path::getName)
                    .anyMatch(name -> !name.startsWith("_") && !name.startsWith("."));
            if (!hasData) {
                return spark.createDataFrame(java.util.List.of(), SparkTypes.schemaOf(table));
            }
            return spark.read().parquet(folder.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        } catch (RuntimeException e) {
            if (e instanceof InputException) {
                throw e;
            }
            Throwable cause = e;
            if (cause instanceof AnalysisException || e.getCause() instanceof AnalysisException) {
                throw new InputException("cannot read table " + table.name() + " in " + folder
                        + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
