import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The floor of any Spark ingestion of a snapshot on this machine: the elementary operations the
 * data contract cannot do without, timed one after the other in one JVM with local[2], none of
 * the contract's rules.
 * Compiled and run by scripts/bench-spark-floor.sh, on the pipeline jar's classpath.
 *
 * <ol>
 *   <li>start: JVM start to a ready SparkSession;</li>
 *   <li>read: every column of every table, into a sink that discards it (taken off the
 *       references in the sum: a job could read the children once for both the copy and the
 *       join);</li>
 *   <li>copy: read every table of the snapshot and write it back as Parquet, unchanged (the
 *       curated copy, without rejects, report or work tables);</li>
 *   <li>keys: count the rows of every key of every table (duplicates need one exchange of the
 *       keys: DUPLICATE_ID and the collapse of exact duplicates);</li>
 *   <li>references: the invoice ids are aggregated once (one row per id, written), then each
 *       child of the invoices (payments, dunning actions, promises, disputes) meets them
 *       (UNKNOWN_REFERENCE, PARENT_REJECTED): a left join on the invoice id into a sink that
 *       discards it, by sort-merge join and again with the ids broadcast. The cheaper of the
 *       two runs counts.</li>
 * </ol>
 * Arguments: SNAPSHOT (a snapshot_date=… folder), OUT (scratch folder, overwritten).
 */
public final class SparkFloor {
    private static long lap = System.nanoTime();

    public static void main(String[] args) {
        String snapshot = args[0];
        String out = args[1];
        SparkSession spark = SparkSession.builder().master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        double start = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        lap = System.nanoTime();
        report("start (JVM and SparkSession)", start);

        for (Table t : Contract.TABLES) {
            spark.read().parquet(snapshot + "/" + t.name()).write().format("noop").mode("overwrite").save();
        }
        double read = report("read (every column of every table)", seconds());

        for (Table t : Contract.TABLES) {
            spark.read().parquet(snapshot + "/" + t.name()).write().mode("overwrite").parquet(out + "/" + t.name());
        }
        double copy = seconds();
        long rows = 0;
        for (Table t : Contract.TABLES) {
            rows += spark.read().parquet(out + "/" + t.name()).count();
        }
        report("copy (read and write " + rows + " rows)", copy);
        seconds(); // the row count above is not part of any step

        for (Table t : Contract.TABLES) {
            Column[] key = t.key().stream().map(c -> col(c)).toArray(Column[]::new);
            spark.read().parquet(snapshot + "/" + t.name()).groupBy(key).agg(count(lit(1)).as("n"))
                    .filter(col("n").gt(1)).count();
        }
        double keys = report("keys (rows per key, every table)", seconds());

        // The parent side is built once, as a job would: one row per invoice id.
        spark.read().parquet(snapshot + "/invoices").groupBy(col("invoice_id").as("parent_id"))
                .agg(count(lit(1)).as("parent_rows")).write().mode("overwrite").parquet(out + "/_invoice_ids");
        double ids = report("references: invoice ids, once", seconds());
        Dataset<Row> invoiceIds = spark.read().parquet(out + "/_invoice_ids");
        double merge = ids + report("references: joins, sort-merge", references(spark, snapshot, invoiceIds));
        double broadcast = ids + report("references: joins, invoice ids broadcast",
                references(spark, snapshot, broadcast(invoiceIds)));
        // A job could read the children once for the copy and the join: the read is taken off
        // the references. It is every table's read, more than the children's: the floor errs low.
        double references = Math.max(0, Math.min(merge, broadcast) - read);
        System.out.printf("floor_seconds=%.1f (start + copy + keys + references − read)%n",
                start + copy + keys + references);
        spark.stop();
    }

    private static double references(SparkSession spark, String snapshot, Dataset<Row> invoiceIds) {
        for (String child : List.of("payments", "dunning_actions", "payment_promises", "disputes")) {
            Dataset<Row> rows = spark.read().parquet(snapshot + "/" + child);
            rows.join(invoiceIds, col("invoice_id").equalTo(col("parent_id")), "left")
                    .write().format("noop").mode("overwrite").save();
        }
        return seconds();
    }

    private static double seconds() {
        long now = System.nanoTime();
        double s = (now - lap) / 1e9;
        lap = now;
        return s;
    }

    private static double report(String step, double seconds) {
        System.out.printf("%-45s %8.1f s%n", step, seconds);
        return seconds;
    }
}
