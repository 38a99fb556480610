package io.encours.samples;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.encours.contract.Contract;
import io.encours.contract.Table;
import io.encours.samples.cli.Options;
import io.encours.samples.dirty.CleanSample;
import io.encours.samples.dirty.DirtyPlanner;
import io.encours.samples.ledger.Collectors;
import io.encours.samples.ledger.DebtorLedger;
import io.encours.samples.ledger.DebtorProfile;
import io.encours.samples.ledger.Days;
import io.encours.samples.ledger.DunningScenario;
import io.encours.samples.ledger.GroupEntity;
import io.encours.samples.ledger.InvoiceAllocator;
import io.encours.samples.ledger.LedgerContext;
import io.encours.samples.ledger.LedgerIds;
import io.encours.samples.ledger.LedgerSink;
import io.encours.samples.ledger.ProfileFactory;
import io.encours.samples.rows.ContractRow;
import io.encours.samples.rows.DebtorRow;
import io.encours.samples.rows.DisputeRow;
import io.encours.samples.rows.DunningActionRow;
import io.encours.samples.rows.EntityRow;
import io.encours.samples.rows.InvoiceRow;
import io.encours.samples.rows.PaymentPromiseRow;
import io.encours.samples.rows.PaymentRow;
import io.encours.samples.rows.ScenarioRow;
import io.encours.samples.write.ParquetSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * Generates one snapshot: the reference tables, then each debtor's ledger, streamed to Parquet,
 * then the dirty rows if asked. The snapshot is written into a hidden staging folder and moved
 * into place at the end, so a reader never sees a half-written snapshot.
 */
public final class SnapshotGenerator {
    /** The generated snapshot folder, the rows written per table and the time taken. */
    public record Result(Path snapshot, Map<String, Long> rows, long elapsedMillis) {
        public Result {
            requireNonNull(snapshot, "snapshot");
            rows = Map.copyOf(rows);
        }
    }

    /** Failures the user can act on (an existing snapshot, an unwritable folder). */
    public static final class GenerationException extends RuntimeException {
        public GenerationException(String message) {
            super(message);
        }
    }

    public static final String MANIFEST = "_generator.json";
    private static final long PROGRESS_EVERY = 1_000_000;

    private final Options o;
    private final Consumer<String> log;

    public SnapshotGenerator(Options options, Consumer<String> log) {
        this.o = requireNonNull(options, "options");
        this.log = requireNonNull(log, "log");
    }

    public Result generate() {
        long started = System.nanoTime();
        Path snapshot = o.out().resolve(Contract.SNAPSHOT_PREFIX + o.asOf());
        Path staging = o.out().resolve("." + snapshot.getFileName() + ".partial");
        try {
            checkTarget(snapshot);
            Files.createDirectories(o.out());
            deleteTree(staging);
            Files.createDirectories(staging);
            Map<String, Long> clean;
            Map<String, Object> dirtyManifest = null;
            Map<String, Long> written = new LinkedHashMap<>();
            try (DuckDBConnection db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
                try (Statement st = db.createStatement()) {
                    st.execute("SET temp_directory = '"
                            + staging.resolve(".duckdb_tmp").toString().replace("'", "''") + "'");
                }
                Map<String, ParquetSink> sinks = new LinkedHashMap<>();
                try {
                    for (Table t : Contract.TABLES) {
                        sinks.put(t.name(), new ParquetSink(db.duplicate(), t,
                                staging.resolve(t.name()), o.rowsPerFile(), log));
                    }
                    CleanSample sample = o.dirtyRate() == null ? null : new CleanSample(o.seed());
                    LedgerContext ctx = LedgerContext.create(o.seed(), o.asOf(), o.months(),
                            o.invoices());
                    writeClean(ctx, sinks, sample);
                    clean = counts(sinks);
                    if (sample != null) {
                        dirtyManifest = writeDirty(ctx, sinks, sample, clean);
                    }
                } finally {
                    for (ParquetSink s : sinks.values()) {
                        s.close();
                    }
                }
                sinks.forEach((name, s) -> written.put(name, s.rows()));
            }
            deleteTree(staging.resolve(".duckdb_tmp"));
            writeManifest(staging.resolve(MANIFEST), snapshot, clean, written, dirtyManifest);
            if (o.force()) {
                deleteTree(snapshot);
            }
            Files.move(staging, snapshot, StandardCopyOption.ATOMIC_MOVE);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            StringBuilder summary = new StringBuilder("done: ").append(snapshot).append(" in ")
                    .append(String.format("%.1f s", elapsed / 1000.0)).append(" —");
            written.forEach((k, v) -> summary.append(' ').append(k).append('=').append(v));
            log.accept(summary.toString());
            return new Result(snapshot, written, elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
        }
    }

    private void checkTarget(Path snapshot) throws IOException {
        if (Files.exists(o.out()) && !Files.isDirectory(o.out())) {
            throw new GenerationException(o.out() + " exists and is not a folder");
        }
        if (Files.isDirectory(snapshot) && !o.force()) {
            try (Stream<Path> entries = Files.list(snapshot)) {
                if (entries.findAny().isPresent()) {
                    throw new GenerationException(snapshot
                            + " already exists and is not empty (use --force to replace it)");
                }
            }
        }
        if (Files.exists(snapshot) && !Files.isDirectory(snapshot)) {
            throw new GenerationException(snapshot + " exists and is not a folder");
        }
    }

    private void writeClean(LedgerContext ctx, Map<String, ParquetSink> sinks, CleanSample sample) {
        Router router = new Router(sinks, sample);
        for (GroupEntity e : GroupEntity.ALL) {
            router.row(new EntityRow(e.id(), e.name(), e.country()));
        }
        Collectors.rows(o.seed(), Collectors.count(o.debtors())).forEach(router::row);
        for (DunningScenario s : DunningScenario.ALL) {
            router.row(new ScenarioRow(s.id(), s.name(), s.target().name()));
        }
        ctx.fx().rows().forEach(router::row);

        ProfileFactory profiles = new ProfileFactory(o.seed(), ctx.windowStart(), ctx.asOf(),
                o.debtors(), ctx.seasonality());
        // First pass: only the activity weights, to split the invoices exactly.
        double[] weights = new double[o.debtors()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = profiles.profile(i).activityWeight();
        }
        InvoiceAllocator allocator = new InvoiceAllocator(weights, o.invoices());
        LedgerIds ids = new LedgerIds();
        long started = System.nanoTime();
        long nextLog = PROGRESS_EVERY;
        for (int i = 0; i < o.debtors(); i++) {
            DebtorProfile profile = profiles.profile(i);
            new DebtorLedger(ctx, profile, allocator.count(i), allocator.firstDocument(i),
                    o.seed(), ids, router).run();
            long done = allocator.through(i);
            if (done >= nextLog) {
                log.accept(String.format("ledger: %,d / %,d invoices, %,d / %,d debtors (%.1f s)",
                        done, o.invoices(), i + 1, o.debtors(),
                        (System.nanoTime() - started) / 1e9));
                nextLog = (done / PROGRESS_EVERY + 1) * PROGRESS_EVERY;
            }
        }
    }

    private Map<String, Object> writeDirty(LedgerContext ctx, Map<String, ParquetSink> sinks,
            CleanSample sample, Map<String, Long> clean) {
        DirtyPlanner.Plan plan = new DirtyPlanner(o.dirtyRate(), o.seed(), o.asOf(),
                Days.date(ctx.windowStart()), Days.date(ctx.fx().firstRateDay()), clean, sample)
                .plan();
        plan.rows().forEach((table, rows) -> sinks.get(table).append(rows));
        long total = plan.rows().values().stream().mapToLong(List::size).sum();
        log.accept(String.format("dirty: %,d extra rows", total));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", plan.manifest().rate());
        m.put("expectedRejects", plan.manifest().expectedRejects());
        m.put("expectedDuplicatesCollapsed", plan.manifest().expectedDuplicatesCollapsed());
        m.put("expectedAccepted", plan.manifest().expectedAccepted());
        return m;
    }

    private static Map<String, Long> counts(Map<String, ParquetSink> sinks) {
        Map<String, Long> counts = new LinkedHashMap<>();
        sinks.forEach((name, s) -> counts.put(name, s.rows()));
        return counts;
    }

    private void writeManifest(Path file, Path snapshot, Map<String, Long> clean,
            Map<String, Long> written, Map<String, Object> dirty) throws IOException {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("debtors", o.debtors());
        parameters.put("invoices", o.invoices());
        parameters.put("months", o.months());
        parameters.put("asOf", o.asOf().toString());
        parameters.put("seed", o.seed());
        parameters.put("dirty", o.dirtyRate());
        parameters.put("rowsPerFile", o.rowsPerFile());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", "encours-data-samples");
        root.put("snapshotDate", o.asOf().toString());
        root.put("historyStart", o.asOf().minusMonths(o.months()).plusDays(1).toString());
        root.put("parameters", parameters);
        root.put("rows", written);
        root.put("cleanRows", clean);
        if (dirty != null) {
            root.put("dirty", dirty);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Sends every row to its table's sink and, when dirty rows will follow, to the sample. */
    private static final class Router implements LedgerSink {
        /** Keyed by identity: rows return the Contract constants, and equals is deep. */
        private final Map<Table, ParquetSink> byTable = new IdentityHashMap<>();
        private final CleanSample sample;

        Router(Map<String, ParquetSink> sinks, CleanSample sample) {
            for (Table t : Contract.TABLES) {
                byTable.put(t, sinks.get(t.name()));
            }
            this.sample = sample;
        }

        void row(ContractRow row) {
            Object[] values = row.values();
            byTable.get(row.table()).append(values);
            if (sample != null) {
                sample.offer(row.table(), values);
            }
        }

        @Override
        public void debtor(DebtorRow row) {
            row(row);
        }

        @Override
        public void invoice(InvoiceRow row) {
            row(row);
        }

        @Override
        public void payment(PaymentRow row) {
            row(row);
        }

        @Override
        public void action(DunningActionRow row) {
            row(row);
        }

        @Override
        public void promise(PaymentPromiseRow row) {
            row(row);
        }

        @Override
        public void dispute(DisputeRow row) {
            row(row);
        }
    }
}
