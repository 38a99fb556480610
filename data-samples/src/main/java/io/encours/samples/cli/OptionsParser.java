package io.encours.samples.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses the command line of {@code encours-generate}. */
public final class OptionsParser {
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar encours-generate.jar --debtors N --invoices M --out DIR [options]",
            "",
            "Writes a deterministic receivables snapshot in the layout of DATA-CONTRACT.md:",
            "DIR/snapshot_date=<as-of>/<table>/part-NNNNN.parquet for the 10 tables, and",
            "DIR/snapshot_date=<as-of>/_generator.json (parameters, rows, dirty manifest).",
            "",
            "Required:",
            "  --debtors N          number of debtors (1 .. 10,000,000)",
            "  --invoices M         exact number of invoices table rows (invoices and credit",
            "                       notes) in the clean data (0 .. 1,000,000,000)",
            "  --out DIR            snapshot root (created if missing)",
            "Options:",
            "  --months K           months of history before the snapshot date (1 .. 120; default 24)",
            "  --as-of DATE         snapshot date T, ISO yyyy-mm-dd (default 2025-06-30)",
            "  --seed S             random seed, a 64-bit integer (default 42)",
            "  --dirty RATE         add rows breaking the contract's rules, about RATE x the",
            "                       clean rows of each table (0 < RATE <= 0.3), and list what",
            "                       ingestion must reject in _generator.json",
            "  --rows-per-file R    rows per Parquet part file (default 1,000,000)",
            "  --force              replace an existing snapshot folder",
            "  --help               print this help");

    private static final Set<String> FLAGS = Set.of("--force", "--help", "-h");
    private static final Set<String> VALUED = Set.of("--debtors", "--invoices", "--months",
            "--as-of", "--seed", "--out", "--dirty", "--rows-per-file");

    private OptionsParser() {
    }

    /** The options, or empty when help was asked for. */
    public static Optional<Options> parse(String... args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                return Optional.empty();
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                force = true;
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new UsageException("unknown option: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new UsageException(name + " given twice");
            }
        }
        int debtors = (int) integer(values, "--debtors", null, 1, 10_000_000);
        long invoices = integer(values, "--invoices", null, 0, 1_000_000_000);
        int months = (int) integer(values, "--months", (long) Options.DEFAULT_MONTHS, 1, 120);
        long seed = integer(values, "--seed", Options.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        long rowsPerFile = integer(values, "--rows-per-file", Options.DEFAULT_ROWS_PER_FILE, 1,
                Integer.MAX_VALUE);
        LocalDate asOf = Options.DEFAULT_AS_OF;
        if (values.containsKey("--as-of")) {
            try {
                asOf = LocalDate.parse(values.get("--as-of"));
            } catch (DateTimeParseException e) {
                throw new UsageException("--as-of must be a date like 2025-06-30, got '"
                        + values.get("--as-of") + "'");
            }
        }
        String out = values.get("--out");
        if (out == null || out.isBlank()) {
            throw new UsageException("missing --out");
        }
        Double dirty = null;
        if (values.containsKey("--dirty")) {
            try {
                dirty = Double.parseDouble(values.get("--dirty"));
            } catch (NumberFormatException e) {
                throw new UsageException("--dirty must be a number, got '" + values.get("--dirty") + "'");
            }
            if (!(dirty > 0 && dirty <= 0.3)) {
                throw new UsageException("--dirty must be in (0, 0.3], got " + values.get("--dirty"));
            }
        }
        return Optional.of(new Options(debtors, invoices, months, asOf, seed, Path.of(out), dirty,
                force, rowsPerFile));
    }

    private static long integer(Map<String, String> values, String name, Long fallback, long min,
            long max) throws UsageException {
        String raw = values.get(name);
        if (raw == null) {
            if (fallback == null) {
                throw new UsageException("missing " + name);
            }
            return fallback;
        }
        long v;
        try {
            v = Long.parseLong(raw.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + raw + "'");
        }
        if (v < min || v > max) {
            throw new UsageException(name + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }
}
