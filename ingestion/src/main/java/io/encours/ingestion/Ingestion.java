package io.encours.ingestion;

import static io.encours.ingestion.rules.ClassifiedTable.COPIES;
import static io.encours.ingestion.rules.References.REASON;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sum;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import io.encours.ingestion.rules.ClassifiedTable;
import io.encours.ingestion.rules.SnapshotValidation;
import io.encours.ingestion.schema.ConformedTable;
import io.encours.ingestion.schema.SchemaConformer;
import io.encours.spark.JobStage;
import io.encours.spark.WorkTables;
import io.encours.storage.Warehouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingestion run: read the snapshot, check schemas, classify every row, check the counts,
 * write accepted rows and rejects to a new run folder, and only then point CURRENT at it.
 */
public final class Ingestion {
    private static final Logger LOG = LoggerFactory.getLogger("encours.progress");

    private final SparkSession spark;
    private final IngestionConfig config;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    private Ingestion(SparkSession spark, IngestionConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Runs ingestion; returns the report of a published run or throws. */
    public static IngestionReport run(SparkSession spark, IngestionConfig config) {
        try {
            return new Ingestion(spark, config).execute();
        } catch (Exception e) { // Spark's SparkException is checked, thrown from Scala undeclared
            if (!(e instanceof InputException)) {
                java.util.Optional<String> unreadable = UnreadableFile.describe(e);
                if (unreadable.isPresent()) {
                    throw new InputException(unreadable.get(), e);
                }
            }
            throw e;
        }
    }

    private IngestionReport execute() {
        String startedAt = Instant.now().toString();
        var hadoop = spark.sparkContext().hadoopConfiguration();
        SnapshotLocator.Snapshot snapshot = SnapshotLocator.locate(config.snapshotRoot(),
                config.snapshotDate(), hadoop);
        Warehouse curated = new Warehouse(config.warehouse(), "curated", hadoop);
        List<String> removed = curated.cleanUp(config.keepRuns(), null);
        if (!removed.isEmpty()) {
            LOG.info("ingest: removed old or interrupted curated runs {}", removed);
        }
        String runId = Warehouse.newRunId();
        LOG.info("ingest: run {} reads snapshot {} ({})", runId, snapshot.date(), snapshot.path());

        Map<String, ConformedTable> conformed = new LinkedHashMap<>();
        Map<String, Long> read = new LinkedHashMap<>();
        timings.put("readAndCheckSchemas", JobStage.run(spark, "ingest: read and check schemas", () -> {
            for (Table table : Contract.TABLES) {
                Dataset<Row> raw = TableReader.read(spark, snapshot.path(), table);
                conformed.put(table.name(), SchemaConformer.conform(table, raw));
                long rows = raw.count();
                TableReader.requireRows(snapshot.path(), table, rows);
                read.put(table.name(), rows);
            }
        }));

        // Classified tables are written to the run's work folder, not cached: see WorkTables.
        Map<String, ClassifiedTable> classified = new LinkedHashMap<>();
        IngestionReport published;
        try (WorkTables work = WorkTables.inRun(spark, curated, runId)) {
            List<TableReport> reports = new ArrayList<>();
            timings.put("validate", JobStage.run(spark, "ingest: validate rows", () -> {
                classified.putAll(SnapshotValidation.classify(conformed, snapshot.date(),
                        rows -> work.keep("classified", rows)));
                for (ClassifiedTable table : classified.values()) {
                    reports.add(countRows(table, read.get(table.table().name()),
                            conformed.get(table.table().name())));
                }
            }));
            String failure = thresholdFailure(reports);
            if (failure != null) {
                writeRejects(curated, runId, classified);
                IngestionReport report = report(runId, IngestionReport.FAILED, snapshot, startedAt,
                        reports, 0, failure);
                curated.writeFile(runId, "report.json", report.toJson());
                curated.markFailed(runId, failure);
                throw new RejectThresholdException(failure, report);
            }
            timings.put("write", JobStage.run(spark, "ingest: write curated tables", () -> {
                writeRejects(curated, runId, classified);
                for (ClassifiedTable table : classified.values()) {
                    table.accepted().write().parquet(tablePath(curated, runId, table.table().name()));
                }
            }));
            List<TableReport> checked = verifyWritten(curated, runId, reports);
            long overpaid = overpayments(classified);
            IngestionReport report = report(runId, IngestionReport.SUCCEEDED, snapshot, startedAt,
                    checked, overpaid, null);
            curated.writeFile(runId, "report.json", report.toJson());
            published = report;
        }
        // After the work folder is deleted: a published run holds none.
        curated.publish(runId);
        LOG.info("ingest: run {} published as current", runId);
        return published;
    }

    private TableReport countRows(ClassifiedTable table, long readRows, ConformedTable conformed) {
        List<Row> byReason = table.rows().groupBy(col(REASON))
                .agg(count(lit(1)).as("rows"), sum(col(COPIES)).as("copies"))
                .collectAsList();
        long accepted = 0;
        long distinct = 0;
        long physical = 0;
        Map<String, Long> rejects = new TreeMap<>();
        for (Row r : byReason) {
            long rows = r.getLong(1);
            distinct += rows;
            physical += r.getLong(2);
            if (r.isNullAt(0)) {
                accepted = rows;
            } else {
                rejects.put(r.getString(0), rows);
            }
        }
        if (physical != readRows) {
            throw new IllegalStateException("table " + table.table().name() + ": " + readRows
                    + " rows read but " + physical + " classified");
        }
        long rejected = rejects.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> converted = new TreeMap<>();
        if (table.table().column("currency").isPresent() && !table.table().name().equals("fx_rates")) {
            table.accepted().filter(col("currency").notEqual(Contract.REPORTING_CURRENCY))
                    .groupBy("currency").count().collectAsList()
                    .forEach(r -> converted.put(r.getString(0), r.getLong(1)));
        }
        return new TableReport(table.table().name(), readRows, accepted, rejected,
                physical - distinct, readRows == 0 ? 0 : (double) rejected / readRows, rejects,
                conformed.extraColumns(), conformed.toleratedVariants(), converted);
    }

    private String thresholdFailure(List<TableReport> reports) {
        List<String> over = new ArrayList<>();
        for (TableReport t : reports) {
            if (t.rejectShare() > config.maxRejectShare()) {
                over.add(String.format(Locale.ROOT, "%s %.2f%% (%d of %d)", t.table(),
                        100 * t.rejectShare(), t.rejected(), t.read()));
            }
        }
        return over.isEmpty() ? null : String.format(Locale.ROOT,
                "reject share above the threshold of %.2f%%: %s", 100 * config.maxRejectShare(),
                String.join(", ", over));
    }

    private void writeRejects(Warehouse curated, String runId, Map<String, ClassifiedTable> tables) {
        for (ClassifiedTable table : tables.values()) {
            table.rejects().drop("table_name").write()
                    .parquet(tablePath(curated, runId, "rejects/table_name=" + table.table().name()));
        }
    }

    /** The accounting identity, on what was actually written (not on what was planned). */
    private List<TableReport> verifyWritten(Warehouse curated, String runId, List<TableReport> reports) {
        List<TableReport> checked = new ArrayList<>();
        for (TableReport t : reports) {
            long accepted = spark.read().parquet(tablePath(curated, runId, t.table())).count();
            long rejected = spark.read()
                    .parquet(tablePath(curated, runId, "rejects/table_name=" + t.table())).count();
            TableReport written = new TableReport(t.table(), t.read(), accepted, rejected,
                    t.duplicatesCollapsed(), t.rejectShare(), t.rejectsByReason(), t.extraColumns(),
                    t.toleratedTypes(), t.currenciesConverted());
            if (!written.balanced()) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "table %s: read %d ≠ accepted %d + rejected %d + duplicates collapsed %d",
                        t.table(), t.read(), accepted, rejected, t.duplicatesCollapsed()));
            }
            checked.add(written);
        }
        return checked;
    }

    /** Invoices whose payments and credit notes exceed their amount (accepted, counted). */
    private long overpayments(Map<String, ClassifiedTable> tables) {
        Dataset<Row> documents = tables.get("invoices").accepted();
        Dataset<Row> paid = tables.get("payments").accepted().groupBy(col("invoice_id").as("p_id"))
                .agg(sum("amount_eur").as("paid"));
        Dataset<Row> credited = documents.filter(col("document_type").equalTo("CREDIT_NOTE")
                        .and(col("credited_invoice_id").isNotNull()))
                .groupBy(col("credited_invoice_id").as("c_id"))
                .agg(sum(negate(col("amount_eur"))).as("credited"));
        return documents.filter(col("document_type").equalTo("INVOICE"))
                .join(paid, col("invoice_id").equalTo(col("p_id")), "left")
                .join(credited, col("invoice_id").equalTo(col("c_id")), "left")
                .filter(coalesce(col("paid"), lit(0)).plus(coalesce(col("credited"), lit(0)))
                        .gt(col("amount_eur")))
                .count();
    }

    private IngestionReport report(String runId, String status, SnapshotLocator.Snapshot snapshot,
            String startedAt, List<TableReport> tables, long overpaid, String failure) {
        return new IngestionReport(runId, status, snapshot.date().toString(), snapshot.path(),
                startedAt, config.maxRejectShare(), tables, overpaid, timings, failure);
    }

    private static String tablePath(Warehouse curated, String runId, String table) {
        return new org.apache.hadoop.fs.Path(curated.runPath(runId), table).toString();
    }
}
