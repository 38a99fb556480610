package io.encours.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a job. In local mode (the default) Spark runs embedded; under
 * {@code spark-submit} the master and settings come from the submit command and are kept.
 */
public final class SparkSessions {
    /** Default for local runs: use every core of the machine. */
    public static final String DEFAULT_LOCAL_MASTER = "local[*]";

    private SparkSessions() {
    }

    /**
     * A session for a job.
     *
     * @param appName shown in the cluster UI
     * @param master explicit master, or null to keep the one set by spark-submit (or local[*])
     * @param settings extra Spark settings ({@code --conf k=v} of the command line)
     */
    public static SparkSession forJob(String appName, String master, Map<String, String> settings) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        boolean submitted = System.getProperty("spark.master") != null;
        String effectiveMaster = master != null ? master : (submitted ? null : DEFAULT_LOCAL_MASTER);
        if (effectiveMaster != null) {
            builder.master(effectiveMaster);
        }
        if (effectiveMaster != null && effectiveMaster.startsWith("local")) {
            // Embedded run: no UI port, loopback only, few shuffle partitions (AQE coalesces).
            builder.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "8");
        }
        builder.config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED")
                .config("spark.sql.parquet.int96RebaseModeInRead", "CORRECTED");
        settings.forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** A small embedded session for tests: local[2], UI off, two shuffle partitions. */
    public static SparkSession forTests() {
        return SparkSession.builder()
                .appName("encours-tests")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                .config("spark.sql.ui.retainedExecutions", "10")
                .config("spark.ui.retainedJobs", "10")
                .config("spark.ui.retainedStages", "10")
                .getOrCreate();
    }
}
