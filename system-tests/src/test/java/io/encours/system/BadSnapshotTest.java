package io.encours.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Snapshots that cannot be trusted: the pipeline stops with exit code 3 and a message naming
 * the file, table or column, and publishes nothing (the warehouse's served state is untouched).
 */
class BadSnapshotTest {
    private static final String SNAPSHOT = "snapshot_date=2025-06-30";

    @Test
    void aTruncatedParquetFileIsNamed() throws IOException {
        damagedFileIsNamed("truncated", "payments", raf -> raf.setLength(raf.length() / 2));
    }

    @Test
    void aCorruptParquetFileIsNamed() throws IOException {
        // Zeros over the middle of the data pages; the footer (schema) still reads.
        damagedFileIsNamed("corrupt", "invoices", raf -> {
            raf.seek(raf.length() / 4);
            raf.write(new byte[(int) (raf.length() / 4)]);
        });
    }

    @Test
    void aMissingTableIsNamed() throws IOException {
        Case c = new Case("missing-table");
        Disk.deleteTree(c.table("payments"));
        c.assertRefused("missing table payments");
    }

    @Test
    void anEmptyInvoicesTableIsRefused() throws Exception {
        Case c = new Case("empty-table");
        c.rewrite("invoices", "SELECT * FROM t LIMIT 0");
        c.assertRefused("table invoices has no rows");
    }

    @Test
    void aColumnWhoseTypeChangedIsNamedWithBothTypes() throws Exception {
        Case c = new Case("schema-change");
        c.rewrite("invoices", "SELECT * REPLACE (CAST(amount AS VARCHAR) AS amount) FROM t");
        c.assertRefused("table invoices, column amount", "expected DECIMAL(18,2), found STRING");
    }

    private static void damagedFileIsNamed(String name, String table, Damage damage) throws IOException {
        Case c = new Case(name);
        Path file = c.onlyFile(table);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            damage.apply(raf);
        }
        c.assertRefused("cannot read file", file.toString(), "resend it");
    }

    @FunctionalInterface
    private interface Damage {
        void apply(RandomAccessFile file) throws IOException;
    }

    /** A copy of the sample to damage, and a copy of the baseline warehouse it must not touch. */
    private static final class Case {
        private final Path dir;
        private final Path snapshotRoot;
        private final Path warehouse;

        Case(String name) {
            dir = Product.scratch("bad-snapshot/" + name);
            snapshotRoot = dir.resolve("snapshots");
            Disk.copyTree(Product.sample(), snapshotRoot);
            warehouse = Baseline.copyInto(dir);
        }

        Path table(String name) {
            return snapshotRoot.resolve(SNAPSHOT).resolve(name);
        }

        Path onlyFile(String table) {
            var files = Disk.names(table(table)).stream().filter(n -> n.endsWith(".parquet")).toList();
            assertThat(files).hasSize(1);
            return table(table).resolve(files.get(0));
        }

        /** Replaces a table's files by the result of {@code select} over them (as {@code t}). */
        void rewrite(String table, String select) throws SQLException, IOException {
            Path original = onlyFile(table);
            Path moved = dir.resolve(table + "-original.parquet");
            Files.move(original, moved);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("CREATE VIEW t AS SELECT * FROM read_parquet('" + moved + "')");
                s.execute("COPY (" + select + ") TO '" + original + "' (FORMAT parquet)");
            }
        }

        void assertRefused(String... messageParts) {
            String servedBefore = Published.runId(warehouse);
            String curatedBefore = Disk.pointer(warehouse.resolve("curated/CURRENT"));
            Launched run = Product.pipeline(dir.resolve("pipeline.log"), snapshotRoot, warehouse, "local[2]");
            assertThat(run.awaitExit(Duration.ofMinutes(10))).as("exit code (3: bad input)").isEqualTo(3);
            // Spark's own log may show the failed task; what the user reads last is one clear line.
            String log = Disk.read(run.log());
            assertThat(log).as("an uncaught exception").doesNotContain("Exception in thread");
            String last = log.strip().lines().reduce((a, b) -> b).orElse("");
            assertThat(last).startsWith("encours pipeline: ").contains(messageParts);
            assertThat(Published.runId(warehouse)).isEqualTo(servedBefore);
            assertThat(Disk.pointer(warehouse.resolve("curated/CURRENT"))).isEqualTo(curatedBefore);
        }
    }
}
