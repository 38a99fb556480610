package io.encours.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage of a job under a named Spark job group (so the cluster UI says what runs)
 * and logs one progress line when it ends.
 */
public final class JobStage {
    private static final Logger LOG = LoggerFactory.getLogger("encours.progress");

    private JobStage() {
    }

    public static <T> Timed<T> run(SparkSession spark, String name, Supplier<T> work) {
        Instant start = Instant.now();
        spark.sparkContext().setJobGroup(name, name, false);
        try {
            T result = work.get();
            Duration took = Duration.between(start, Instant.now());
            LOG.info("{} done in {} ms", name, took.toMillis());
            return new Timed<>(result, took.toMillis());
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    public static long run(SparkSession spark, String name, Runnable work) {
        return run(spark, name, () -> {
            work.run();
            return Boolean.TRUE;
        }).millis();
    }

    /** A stage's result and how long it took. */
    public record Timed<T>(T value, long millis) {
    }
}
