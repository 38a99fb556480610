package io.encours.curated;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import io.encours.ingestion.IngestionReport;
import io.encours.storage.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The accepted rows of one ingestion run (docs/CURATED.md): the only input of the analytics.
 *
 * @param snapshotDate T
 * @param runId the curated run the tables come from
 * @param tables contract table name → accepted rows in the curated layout
 */
public record CuratedSnapshot(LocalDate snapshotDate, String runId, Map<String, Dataset<Row>> tables) {
    public CuratedSnapshot {
        requireNonNull(snapshotDate, "snapshotDate");
        requireNonNull(runId, "runId");
        tables = Map.copyOf(tables);
        for (Table t : Contract.TABLES) {
            if (!tables.containsKey(t.name())) {
                throw new IllegalArgumentException("curated snapshot lacks table " + t.name());
            }
        }
    }

    public Dataset<Row> entities() {
        return tables.get("entities");
    }

    public Dataset<Row> debtors() {
        return tables.get("debtors");
    }

    public Dataset<Row> collectors() {
        return tables.get("collectors");
    }

    public Dataset<Row> scenarios() {
        return tables.get("scenarios");
    }

    /** Invoices and credit notes, with fx_rate and amount_eur. */
    public Dataset<Row> invoices() {
        return tables.get("invoices");
    }

    /** Payments, with debtor_id and amount_eur. */
    public Dataset<Row> payments() {
        return tables.get("payments");
    }

    public Dataset<Row> dunningActions() {
        return tables.get("dunning_actions");
    }

    /** Promises, with fx_rate and promised_amount_eur. */
    public Dataset<Row> promises() {
        return tables.get("payment_promises");
    }

    public Dataset<Row> disputes() {
        return tables.get("disputes");
    }

    public Dataset<Row> fxRates() {
        return tables.get("fx_rates");
    }

    /** Reads the run CURRENT points to in {@code <warehouse>/curated}. */
    public static CuratedSnapshot readCurrent(SparkSession spark, String warehouse) {
        Warehouse curated = new Warehouse(warehouse, "curated", spark.sparkContext().hadoopConfiguration());
        String runId = curated.current().orElseThrow(() -> new IllegalStateException(
                "no curated run in " + warehouse + ": run the ingestion first"));
        return read(spark, curated, runId);
    }

    public static CuratedSnapshot read(SparkSession spark, Warehouse curated, String runId) {
        Path run = curated.runPath(runId);
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        for (Table t : Contract.TABLES) {
            tables.put(t.name(), spark.read().parquet(new Path(run, t.name()).toString()));
        }
        IngestionReport report = IngestionReport.fromJson(readText(spark, new Path(run, "report.json")));
        return new CuratedSnapshot(LocalDate.parse(report.snapshotDate()), runId, tables);
    }

    /** The run report of a curated run. */
    public static IngestionReport report(SparkSession spark, Warehouse curated, String runId) {
        return IngestionReport.fromJson(readText(spark,
                new Path(curated.runPath(runId), "report.json")));
    }

    private static String readText(SparkSession spark, Path file) {
        try {
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataInputStream in = fs.open(file)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
