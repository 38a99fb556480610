package io.encours.ingestion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkThrowable;

/**
 * Recognises a snapshot file Spark could not read (truncated, corrupt, not Parquet) in a job's
 * failure, so the user is told which file to resend instead of seeing Spark's stack trace.
 * Spark reports it with the condition {@code FAILED_READ_FILE.*} and the file's path, possibly
 * wrapped in a stage failure.
 */
final class UnreadableFile {
    private static final Pattern PATH = Pattern.compile("Encountered error while reading file (\\S+?)\\.?\\s");

    private UnreadableFile() {
    }

    /** The message for the user when {@code failure} is an unreadable file; empty otherwise. */
    static Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String path = null;
            if (t instanceof SparkThrowable spark && spark.getCondition() != null
                    && spark.getCondition().startsWith("FAILED_READ_FILE")) {
                path = spark.getMessageParameters().get("path");
            }
            if (path == null && t.getMessage() != null) {
                Matcher m = PATH.matcher(t.getMessage());
                path = m.find() ? m.group(1) : null;
            }
            if (path != null) {
                return Optional.of("cannot read file " + path + " (" + rootCause(t).getMessage()
                        + "): the file is corrupt, truncated or not Parquet; resend it");
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
