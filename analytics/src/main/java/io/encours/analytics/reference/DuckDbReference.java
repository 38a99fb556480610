package io.encours.analytics.reference;

import io.encours.cli.CommandLine;
import io.encours.cli.ExitCode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a DuckDB SQL script as a single-machine reference for a Spark benchmark
 * (scripts/duckdb/*.sql, docs/BENCHMARKS.md "DuckDB SQL references"), timing each statement.
 *
 * <pre>
 * java -cp analytics/target/encours-pipeline.jar io.encours.analytics.reference.DuckDbReference \
 *   --sql scripts/duckdb/ingestion-reference.sql --set snapshot=… --set out=… \
 *   [--threads 2] [--memory-limit 6GB] [--temp-directory DIR] [--database FILE] [--verify FILE]
 * </pre>
 *
 * <p>{@code ${name}} in the script is replaced by the value of {@code --set name=value}; a name
 * without a value fails the run. This is plain text substitution of trusted command-line values
 * (folder and file paths, a date) into string literals: single quotes are doubled, nothing else
 * is escaped, so never pass values that come from users. Statements run in order on one
 * in-memory database (or {@code --database}); each one's wall time is printed, then the total.
 * A statement that returns rows (a SELECT) has them printed as tab-separated lines. The
 * {@code --verify} script, if any, runs after the total is printed and is not timed.
 */
public final class DuckDbReference {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final int MAX_PRINTED_ROWS = 1000;
    private static final String USAGE = """
            Usage: java -cp encours-pipeline.jar io.encours.analytics.reference.DuckDbReference \\
                     --sql FILE [--set name=value …] [--threads N] [--memory-limit SIZE]
                     [--temp-directory DIR] [--database FILE] [--verify FILE]

              --sql             the script to time (statements separated by ';')
              --set name=value  replaces ${name} in the scripts (trusted paths only)
              --threads         DuckDB threads (default 2, as Spark's local[2])
              --memory-limit    DuckDB memory_limit, e.g. 6GB (default: DuckDB's, 80% of RAM)
              --temp-directory  where DuckDB spills (default: DuckDB's)
              --database        a database file instead of an in-memory database
              --verify          a script run after the timed one, untimed; its rows are printed
            """;

    private DuckDbReference() {
    }

    /** Timing of one statement. */
    public record Step(int index, String label, long nanos, long rows) {
        public double seconds() {
            return nanos / 1e9;
        }
    }

    /** What a run did: the steps of the timed script and its total wall time. */
    public record Result(List<Step> steps, long totalNanos) {
        public double totalSeconds() {
            return totalNanos / 1e9;
        }
    }

    /** Options of a run. {@code memoryLimit}, {@code tempDirectory}, {@code database} may be null. */
    public record Options(int threads, String memoryLimit, String tempDirectory, String database) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (CommandLine.UsageException e) {
            System.err.println("duckdb-reference: " + e.getMessage());
            System.err.print(USAGE);
            code = ExitCode.USAGE;
        } catch (SQLException | IOException | IllegalArgumentException e) {
            System.err.println("duckdb-reference: " + e.getMessage());
            code = ExitCode.FAILURE;
        }
        System.exit(code);
    }

    static int run(String[] args, PrintStream out) throws SQLException, IOException {
        CommandLine cl = CommandLine.parse(args, Set.of("--sql", "--set", "--threads", "--memory-limit",
                "--temp-directory", "--database", "--verify"), Set.of("--help"));
        if (cl.has("--help")) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        Map<String, String> vars = cl.settings("--set");
        Options options = new Options(cl.integer("--threads", 2), cl.value("--memory-limit").orElse(null),
                cl.value("--temp-directory").orElse(null), cl.value("--database").orElse(null));
        Path sql = Path.of(cl.required("--sql"));
        List<String> statements = split(substitute(Files.readString(sql, StandardCharsets.UTF_8), vars));
        List<String> verify = cl.value("--verify").isEmpty() ? List.of()
                : split(substitute(Files.readString(Path.of(cl.value("--verify").get()), StandardCharsets.UTF_8), vars));
        out.printf(Locale.ROOT, "duckdb-reference: %s, %d statements, threads=%d, memory_limit=%s%n", sql,
                statements.size(), options.threads(), options.memoryLimit() == null ? "default" : options.memoryLimit());
        try (Connection c = connect(options)) {
            Result result = execute(c, statements, out);
            out.printf(Locale.ROOT, "total_seconds=%.3f%n", result.totalSeconds());
            if (!verify.isEmpty()) {
                out.println("-- verification (not timed)");
                for (String statement : verify) {
                    runOne(c, statement, out);
                }
            }
        }
        return ExitCode.OK;
    }

    /** Opens the database and applies the options (threads, memory limit, temp directory). */
    public static Connection connect(Options options) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + (options.database() == null ? "" : options.database()));
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = " + options.threads());
            if (options.memoryLimit() != null) {
                s.execute("SET memory_limit = '" + quote(options.memoryLimit()) + "'");
            }
            if (options.tempDirectory() != null) {
                s.execute("SET temp_directory = '" + quote(options.tempDirectory()) + "'");
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Runs the statements in order, printing each one's time (and rows, if it returns any). */
    public static Result execute(Connection c, List<String> statements, PrintStream out) throws SQLException {
        List<Step> steps = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            long t0 = System.nanoTime();
            long rows;
            try {
                rows = runOne(c, statement, out);
            } catch (SQLException e) {
                throw new SQLException("statement " + (i + 1) + " (" + label(statement) + "): " + e.getMessage(), e);
            }
            Step step = new Step(i + 1, label(statement), System.nanoTime() - t0, rows);
            steps.add(step);
            out.printf(Locale.ROOT, "%9.3f s  [%d] %s%s%n", step.seconds(), step.index(), step.label(),
                    rows >= 0 ? "  (" + rows + " rows)" : "");
        }
        return new Result(steps, System.nanoTime() - start);
    }

    /** Runs one statement; prints its result rows if it has any. Returns the row count, or −1. */
    private static long runOne(Connection c, String statement, PrintStream out) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!s.execute(statement)) {
                return s.getUpdateCount();
            }
            try (ResultSet rs = s.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> header = new ArrayList<>();
                for (int k = 1; k <= md.getColumnCount(); k++) {
                    header.add(md.getColumnLabel(k));
                }
                out.println(String.join("\t", header));
                long n = 0;
                while (rs.next()) {
                    if (n++ < MAX_PRINTED_ROWS) {
                        List<String> cells = new ArrayList<>();
                        for (int k = 1; k <= md.getColumnCount(); k++) {
                            cells.add(String.valueOf(rs.getObject(k)));
                        }
                        out.println(String.join("\t", cells));
                    }
                }
                if (n > MAX_PRINTED_ROWS) {
                    out.println("… " + (n - MAX_PRINTED_ROWS) + " more rows");
                }
                return n;
            }
        }
    }

    /**
     * Replaces every {@code ${name}} by its value (single quotes doubled, for string literals).
     * Fails on a name without a value.
     */
    public static String substitute(String sql, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + m.group(1) + "}: pass --set "
                        + m.group(1) + "=…");
            }
            m.appendReplacement(result, Matcher.quoteReplacement(quote(value)));
        }
        m.appendTail(result);
        return result.toString();
    }

    /**
     * Splits a script into statements at the semicolons outside string literals, quoted
     * identifiers and comments. Statements that hold only comments are dropped. Each statement
     * keeps its leading comments (the label skips them).
     */
    public static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == ch) {
                        if (end + 1 < n && sql.charAt(end + 1) == ch) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                current.append(sql, i, Math.min(end + 1, n));
                i = end + 1;
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(sql, i, end);
                i = end;
            } else if (ch == ';') {
                add(statements, current.toString());
                current.setLength(0);
                i++;
            } else {
                current.append(ch);
                i++;
            }
        }
        add(statements, current.toString());
        return statements;
    }

    private static void add(List<String> statements, String statement) {
        if (!label(statement).isEmpty()) {
            statements.add(statement.strip());
        }
    }

    /** The statement's first line of code, without comments, shortened. */
    static String label(String statement) {
        for (String line : statement.split("\n")) {
            String code = line.strip();
            if (code.isEmpty() || code.startsWith("--")) {
                continue;
            }
            if (code.startsWith("/*")) {
                int end = code.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                code = code.substring(end + 2).strip();
                if (code.isEmpty()) {
                    continue;
                }
            }
            return code.length() > 90 ? code.substring(0, 87) + "…" : code;
        }
        return "";
    }

    private static String quote(String value) {
        return value.replace("'", "''");
    }
}
