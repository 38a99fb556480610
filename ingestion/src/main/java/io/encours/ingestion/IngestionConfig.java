package io.encours.ingestion;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What one ingestion run reads and where it writes.
 *
 * @param snapshotDate the snapshot to read, or null for the latest under the root
 * @param maxRejectShare a table whose rejected / read share is strictly greater fails the run
 * @param keepRuns finished curated runs kept in the warehouse (the current one included)
 */
public record IngestionConfig(String snapshotRoot, LocalDate snapshotDate, String warehouse,
        double maxRejectShare, int keepRuns) {
    public static final double DEFAULT_MAX_REJECT_SHARE = 0.05;
    public static final int DEFAULT_KEEP_RUNS = 5;

    public IngestionConfig {
        requireNonNull(snapshotRoot, "snapshotRoot");
        requireNonNull(warehouse, "warehouse");
        if (maxRejectShare < 0 || maxRejectShare > 1) {
            throw new IllegalArgumentException("max reject share must be within 0..1, got "
                    + maxRejectShare);
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException("keep runs must be at least 1, got " + keepRuns);
        }
    }
}
