package io.encours.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a warehouse serves: {@code db/CURRENT} and the DuckDB file it names, read-only. */
final class Published {
    /** Tables that describe the run itself (its id, timings): they differ between any two runs. */
    static final List<String> RUN_METADATA = List.of("run_meta");

    private Published() {
    }

    /** The database file CURRENT names; the test fails if there is none. */
    static Path database(Path warehouse) {
        String name = Disk.pointer(warehouse.resolve("db/CURRENT"));
        if (name.isEmpty()) {
            throw new AssertionError("nothing published in " + warehouse);
        }
        Path file = warehouse.resolve("db").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(warehouse + "/db/CURRENT names a missing file " + name);
        }
        return file;
    }

    /** The run id CURRENT serves (from its run_meta table). */
    static String runId(Path warehouse) {
        return single(database(warehouse), "SELECT run_id FROM run_meta");
    }

    static String single(Path database, String sql) {
        try (Connection c = open(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql + " in " + database);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError("cannot query " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Compares every table of two published databases row for row (as multisets: EXCEPT ALL both
     * ways), leaving out the run's own metadata. Returns, per table that differs or exists on one
     * side only, a line saying how; empty when they are identical.
     */
    static Map<String, String> differences(Path left, Path right) {
        Map<String, String> differences = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("ATTACH '" + left.toString().replace("'", "''") + "' AS l (READ_ONLY)");
            s.execute("ATTACH '" + right.toString().replace("'", "''") + "' AS r (READ_ONLY)");
            List<String> leftTables = tables(s, "l");
            List<String> rightTables = tables(s, "r");
            for (String table : rightTables) {
                if (!leftTables.contains(table)) {
                    differences.put(table, "only in " + right);
                }
            }
            for (String table : leftTables) {
                if (RUN_METADATA.contains(table)) {
                    continue;
                }
                if (!rightTables.contains(table)) {
                    differences.put(table, "only in " + left);
                    continue;
                }
                // Table names come from DuckDB's own catalogue.
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM l." + table + "), "
                        + "(SELECT count(*) FROM r." + table + "), "
                        + "(SELECT count(*) FROM (SELECT * FROM l." + table + " EXCEPT ALL SELECT * FROM r." + table + ")), "
                        + "(SELECT count(*) FROM (SELECT * FROM r." + table + " EXCEPT ALL SELECT * FROM l." + table + "))")) {
                    rs.next();
                    if (rs.getLong(3) != 0 || rs.getLong(4) != 0) {
                        differences.put(table, rs.getLong(1) + " vs " + rs.getLong(2) + " rows, " + rs.getLong(3)
                                + " only on the left, " + rs.getLong(4) + " only on the right");
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot compare " + left + " and " + right + ": " + e.getMessage(), e);
        }
        return differences;
    }

    /** Table names of an attached database, sorted. */
    static List<String> tables(Path database) {
        try (Connection c = open(database); Statement s = c.createStatement()) {
            return tables(s, null);
        } catch (SQLException e) {
            throw new AssertionError("cannot list the tables of " + database + ": " + e.getMessage(), e);
        }
    }

    private static List<String> tables(Statement s, String database) throws SQLException {
        List<String> names = new ArrayList<>();
        String where = database == null ? "" : " WHERE database_name = '" + database + "'";
        try (ResultSet rs = s.executeQuery("SELECT table_name FROM duckdb_tables()" + where + " ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Connection open(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + database + ";access_mode=READ_ONLY");
    }
}
