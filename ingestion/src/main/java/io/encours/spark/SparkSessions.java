package io.encours.spark;

import io.encours.contract.Contract;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
     * @param jobClass the job's main class: its jar (and the jars of this module and of the
     *     contract) are shipped to the executors when the launcher drives a cluster itself
     * @param master explicit master, or null to keep the one set by spark-submit (or local[*])
     * @param settings extra Spark settings ({@code --conf k=v} of the command line)
     */
    public static SparkSession forJob(String appName, Class<?> jobClass, String master,
            Map<String, String> settings) {
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
        } else if (effectiveMaster != null && !settings.containsKey("spark.jars")) {
            // `encours pipeline --master spark://…` drives the cluster from this JVM (client
            // mode) without spark-submit: the executors need the job's own jars. Spark's
            // runtime jars are the cluster's (SPARK_HOME/jars on every worker).
            String jars = applicationJars(jobClass);
            if (!jars.isEmpty()) {
                builder.config("spark.jars", jars);
            }
        }
        builder.config("spark.sql.session.timeZone", "UTC")
                // The analytics plans are wide: keep Spark from warning that it truncated one.
                .config("spark.sql.debug.maxToStringFields", "1000")
                .config("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED")
                .config("spark.sql.parquet.int96RebaseModeInRead", "CORRECTED");
        settings.forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The jars holding the job's classes, comma-separated (empty when run from class folders). */
    static String applicationJars(Class<?> jobClass) {
        Set<Path> jars = new LinkedHashSet<>();
        for (Class<?> anchor : new Class<?>[] {jobClass, SparkSessions.class, Contract.class}) {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source == null) {
                continue;
            }
            try {
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    jars.add(location.toAbsolutePath());
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException("unexpected code source " + source.getLocation(), e);
            }
        }
        return jars.stream().map(Path::toString).collect(Collectors.joining(","));
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
