package io.encours.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.encours.contract.Table;
import io.encours.samples.cli.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the snapshots the tests read, once per parameter set and JVM, under a temporary
 * folder removed when the JVM exits.
 */
final class TestSnapshots {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final Map<String, Path> CACHE = new HashMap<>();
    private static Path root;

    private TestSnapshots() {
    }

    /** The snapshot folder ({@code .../snapshot_date=2025-06-30}) for these parameters. */
    static synchronized Path generate(int debtors, long invoices, long seed, Double dirty,
            long rowsPerFile) {
        String key = debtors + "-" + invoices + "-" + seed + "-" + dirty + "-" + rowsPerFile;
        return CACHE.computeIfAbsent(key, k -> {
            Options o = new Options(debtors, invoices, 24, AS_OF, seed, root().resolve(k), dirty,
                    false, rowsPerFile);
            return new SnapshotGenerator(o, line -> { }).generate().snapshot();
        });
    }

    static Path newFolder(String name) {
        try {
            return Files.createDirectories(root().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("encours-samples-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path toDelete = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(toDelete)));
        }
        return root;
    }

    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode manifest(Path snapshot) {
        try {
            return new ObjectMapper().readTree(snapshot.resolve(SnapshotGenerator.MANIFEST).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of a table, in file and row order, as strings. */
    static List<List<String>> rows(Path snapshot, Table t) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('"
                        + snapshot.resolve(t.name()).resolve("*.parquet") + "', hive_partitioning = false)")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
