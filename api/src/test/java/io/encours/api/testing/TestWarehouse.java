package io.encours.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * A temporary warehouse with real, small DuckDB files laid out as the pipeline publishes them:
 * {@code <root>/db/encours-<runId>.duckdb} and {@code <root>/db/CURRENT}. Each file holds the
 * metadata and dimension tables of docs/tables/meta.md; a test adds what it needs through
 * {@link Extra}. Fakes over mocks: the API reads these files exactly as it reads real ones.
 *
 * <p>Fixture data: entities ENT-03, ENT-01, ENT-02 (inserted unordered: the smallest is
 * ENT-01); collectors COL-02, COL-01 (smallest COL-01); debtors D-001 (ENT-01, COL-01), D-002
 * (ENT-02, COL-02), D-003 (ENT-01, unassigned).
 *
 * <p>{@code main(dir [runId])} publishes one run into {@code dir}, for trying the API by hand.
 */
public final class TestWarehouse {

    /** Extra statements run on a new database file before it is closed. */
    @FunctionalInterface
    public interface Extra {
        void run(Statement statement) throws SQLException;
    }

    private final Path root;

    private TestWarehouse(Path root) {
        this.root = root;
    }

    public static TestWarehouse at(Path root) {
        try {
            Files.createDirectories(root.resolve("db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestWarehouse(root);
    }

    public Path root() {
        return root;
    }

    public Path dbFolder() {
        return root.resolve("db");
    }

    /** Builds and points CURRENT at a new run. */
    public Path publish(String runId, LocalDate snapshotDate) {
        Path file = build(runId, snapshotDate, s -> { });
        point(file.getFileName().toString());
        return file;
    }

    /** Writes {@code encours-<runId>.duckdb} (not published). */
    public Path build(String runId, LocalDate snapshotDate, Extra extra) {
        Path file = dbFolder().resolve("encours-" + runId + ".duckdb");
        Path tmp = dbFolder().resolve("encours-" + runId + ".duckdb.building");
        try {
            Files.deleteIfExists(tmp);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE run_meta (run_id VARCHAR, snapshot_date DATE, published_at TIMESTAMP, "
                        + "curated_run_id VARCHAR, timings_json VARCHAR, input_rows BIGINT)");
                s.execute("INSERT INTO run_meta VALUES ('" + runId + "', DATE '" + snapshotDate + "', "
                        + "TIMESTAMP '" + snapshotDate.plusDays(1) + " 06:12:40', 'cur-" + runId + "', "
                        + "'{\"ingest\": 1200}', 230)");
                s.execute("CREATE TABLE ingest_tables (table_name VARCHAR, rows_read BIGINT, accepted BIGINT, "
                        + "rejected BIGINT, duplicates_collapsed BIGINT)");
                s.execute("INSERT INTO ingest_tables VALUES ('invoices', 120, 115, 5, 2), "
                        + "('debtors', 30, 30, 0, 0), ('payments', 80, 80, 0, 1)");
                s.execute("CREATE TABLE ingest_rejects (table_name VARCHAR, reason VARCHAR, \"rows\" BIGINT)");
                s.execute("INSERT INTO ingest_rejects VALUES ('invoices', 'unknown debtor', 2), "
                        + "('invoices', 'due_date before issue_date, or missing', 3)");
                s.execute("CREATE TABLE dim_entities (entity_id VARCHAR, name VARCHAR, country VARCHAR)");
                s.execute("INSERT INTO dim_entities VALUES ('ENT-03', 'Encours Lyon', 'FR'), "
                        + "('ENT-01', 'Encours Paris', 'FR'), ('ENT-02', 'Encours Bruxelles', 'BE')");
                s.execute("CREATE TABLE dim_collectors (collector_id VARCHAR, name VARCHAR, team VARCHAR)");
                s.execute("INSERT INTO dim_collectors VALUES ('COL-02', 'Marc Petit', 'SME'), "
                        + "('COL-01', 'Julie Martin', 'KEY')");
                s.execute("CREATE TABLE dim_scenarios (scenario_id VARCHAR, name VARCHAR, target_segment VARCHAR)");
                s.execute("INSERT INTO dim_scenarios VALUES ('SC-1', 'Relance standard', 'SME')");
                s.execute("CREATE TABLE dim_debtors (debtor_id VARCHAR, name VARCHAR, entity_id VARCHAR, "
                        + "segment VARCHAR, collector_id VARCHAR, scenario_id VARCHAR, credit_score INTEGER, "
                        + "insolvency BOOLEAN)");
                s.execute("INSERT INTO dim_debtors VALUES "
                        + "('D-001', 'Boulangerie Dupont', 'ENT-01', 'MICRO', 'COL-01', 'SC-1', 71, false), "
                        + "('D-002', 'Transports Leroy', 'ENT-02', 'SME', 'COL-02', 'SC-1', 55, false), "
                        + "('D-003', 'Ville de Nantes', 'ENT-01', 'PUBLIC', NULL, 'SC-1', 90, false)");
                extra.run(s);
                s.execute("CHECKPOINT");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points CURRENT at {@code fileName}, atomically, as the publisher does. */
    public void point(String fileName) {
        Path tmp = dbFolder().resolve("CURRENT.tmp");
        try {
            Files.writeString(tmp, fileName + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dbFolder().resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file that is not a DuckDB database. */
    public Path corrupt(String fileName) {
        Path file = dbFolder().resolve(fileName);
        try {
            Files.writeString(file, "this is not a duckdb database\n".repeat(500));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static void main(String[] args) {
        TestWarehouse w = at(Path.of(args[0]));
        Path file = w.publish(args.length > 1 ? args[1] : "20250701T060000Z", LocalDate.of(2025, 6, 30));
        System.out.println("published " + file);
    }
}
