package io.encours.analytics.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new DuckDB file from Parquet, checks it, and only then switches the {@code CURRENT}
 * pointer to it. DuckDB allows one writer or many readers per file, so a run never writes into
 * the file the API reads: it writes a new file, and the API reopens when the pointer changes.
 *
 * <p>Layout: {@code <dbDir>/encours-<runId>.duckdb} and {@code <dbDir>/CURRENT} (the file name).
 */
public final class DuckDbPublisher {
    public static final String POINTER = "CURRENT";
    private static final Logger LOG = LoggerFactory.getLogger("encours.progress");

    private final Path dbDir;

    public DuckDbPublisher(Path dbDir) {
        this.dbDir = dbDir;
    }

    public Path databaseFile(String runId) {
        return dbDir.resolve("encours-" + runId + ".duckdb");
    }

    /** The database file CURRENT points to, if any. */
    public Optional<Path> current() {
        return current(dbDir);
    }

    public static Optional<Path> current(Path dbDir) {
        Path pointer = dbDir.resolve(POINTER);
        try {
            if (!Files.exists(pointer)) {
                return Optional.empty();
            }
            String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
            return name.isEmpty() ? Optional.empty() : Optional.of(dbDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer, e);
        }
    }

    /**
     * Loads the tables into a new database file and checks it. Throws {@link PublishException}
     * (after deleting the partial file) if a load or a check fails.
     *
     * @param checks SQL queries that must each return a single row with a single 0 (count of
     *     violations), paired with what they check, run after loading
     * @param extraTables statements that add small tables (run metadata) before the checks
     */
    public Path build(String runId, List<PublishedTable> tables, List<Check> checks,
            SqlStep extraTables) {
        Path file = databaseFile(runId);
        try {
            Files.createDirectories(dbDir);
            Files.deleteIfExists(file);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                    Statement s = c.createStatement()) {
                s.execute("SET preserve_insertion_order = true");
                for (PublishedTable t : tables) {
                    String order = t.orderBy().isEmpty() ? "" : " ORDER BY " + String.join(", ", t.orderBy());
                    // Table names and paths come from the job itself, never from user input.
                    s.execute("CREATE TABLE " + t.name() + " AS SELECT * FROM read_parquet('"
                            + t.parquetPath().replace("'", "''") + "/*.parquet')" + order);
                    for (String column : t.notNull()) {
                        long nulls = single(s, "SELECT count(*) FROM " + t.name() + " WHERE " + column + " IS NULL");
                        if (nulls > 0) {
                            throw new PublishException("table " + t.name() + ": " + nulls
                                    + " row(s) with a null " + column);
                        }
                    }
                }
                extraTables.run(c);
                for (Check check : checks) {
                    long violations = single(s, check.sql());
                    if (violations != 0) {
                        throw new PublishException("check failed: " + check.description() + " ("
                                + violations + " violation(s))");
                    }
                }
                s.execute("CHECKPOINT");
            }
            return file;
        } catch (SQLException e) {
            deleteQuietly(file);
            throw new PublishException("cannot build " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new PublishException("cannot build " + file + ": " + e.getMessage(), e);
        } catch (PublishException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Points CURRENT at a built database file, atomically. */
    public void switchTo(Path file) {
        Path tmp = dbDir.resolve(POINTER + ".tmp");
        try {
            Files.writeString(tmp, file.getFileName().toString() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dbDir.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            LOG.info("publish: {} is now the served database", file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch " + POINTER + " to " + file, e);
        }
    }

    /**
     * Deletes database files that are not worth keeping: files newer than the current one (left
     * by a run that died before publishing; the pipeline lock guarantees none is being built),
     * and older files beyond the newest {@code keep} (the current one counts as one).
     */
    public List<Path> cleanUp(int keep) {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dbDir)) {
            return deleted;
        }
        String currentName = current().map(p -> p.getFileName().toString()).orElse("");
        try (Stream<Path> files = Files.list(dbDir)) {
            List<Path> dbs = files.filter(p -> p.getFileName().toString().startsWith("encours-")
                            && p.getFileName().toString().endsWith(".duckdb"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
            int keptOlder = 0;
            for (Path db : dbs) {
                String name = db.getFileName().toString();
                if (name.equals(currentName)) {
                    continue;
                }
                boolean olderThanCurrent = name.compareTo(currentName) < 0;
                if (olderThanCurrent && keptOlder < keep - 1) {
                    keptOlder++;
                    continue;
                }
                deleteQuietly(db);
                deleted.add(db);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + dbDir, e);
        }
        return deleted;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } catch (IOException e) {
            LOG.warn("could not delete partial database {}: {}", file, e.getMessage());
        }
    }

    /** Statements run on the new database after the Parquet tables are loaded. */
    @FunctionalInterface
    public interface SqlStep {
        void run(Connection connection) throws SQLException;
    }

    /** A query counting violations of an identity, and what it checks. */
    public record Check(String description, String sql) {
    }
}
