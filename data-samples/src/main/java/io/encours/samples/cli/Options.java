package io.encours.samples.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param debtors number of debtors
 * @param invoices exact number of rows of the invoices table (invoices and credit notes) in
 *     the clean data
 * @param months length of the history before T
 * @param asOf the snapshot date T
 * @param seed the random seed: same seed, same rows
 * @param out the snapshot root; the snapshot goes to {@code out/snapshot_date=<asOf>}
 * @param dirtyRate null = clean data only; else the share of extra bad rows per table
 * @param force replace an existing snapshot folder
 * @param rowsPerFile rows per Parquet part file
 */
public record Options(int debtors, long invoices, int months, LocalDate asOf, long seed, Path out,
        Double dirtyRate, boolean force, long rowsPerFile) {
    public static final int DEFAULT_MONTHS = 24;
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2025, 6, 30);
    public static final long DEFAULT_SEED = 42;
    public static final long DEFAULT_ROWS_PER_FILE = 1_000_000;

    public Options {
        requireNonNull(asOf, "asOf");
        requireNonNull(out, "out");
    }
}
