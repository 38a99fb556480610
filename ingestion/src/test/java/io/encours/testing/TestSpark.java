package io.encours.testing;

import io.encours.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One local[2] SparkSession for the whole test JVM: starting Spark is the slow part. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSessions.forTests();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }

    /** Drops every cached dataset of the shared session, if it was started. */
    public static synchronized void clearCacheIfStarted() {
        if (session != null && !session.sparkContext().isStopped()) {
            session.catalog().clearCache();
        }
    }
}
