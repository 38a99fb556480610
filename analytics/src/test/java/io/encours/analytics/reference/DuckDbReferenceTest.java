package io.encours.analytics.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner of the DuckDB SQL references, on tiny scripts (no Spark). */
class DuckDbReferenceTest {
    @TempDir
    Path dir;

    @Test
    void splitsAtSemicolonsOutsideLiteralsAndComments() {
        String sql = """
                -- a comment; not a statement end
                SELECT 'a;b' AS "x;y";   /* block; comment */
                CREATE TABLE t AS SELECT 1 AS n -- trailing; comment
                ;
                -- only a comment at the end;
                """;
        var statements = DuckDbReference.split(sql);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).contains("SELECT 'a;b' AS \"x;y\"");
        assertThat(DuckDbReference.label(statements.get(0))).isEqualTo("SELECT 'a;b' AS \"x;y\"");
        assertThat(DuckDbReference.label(statements.get(1))).isEqualTo("CREATE TABLE t AS SELECT 1 AS n -- trailing; comment");
    }

    @Test
    void substitutesNamedValuesAndDoublesQuotes() {
        assertThat(DuckDbReference.substitute("read_parquet('${in}/x/*.parquet', '${in}')",
                Map.of("in", "/tmp/it's")))
                .isEqualTo("read_parquet('/tmp/it''s/x/*.parquet', '/tmp/it''s')");
        assertThatThrownBy(() -> DuckDbReference.substitute("'${missing}'", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--set missing=");
    }

    @Test
    void runsAScriptTimesEachStatementAndVerifies() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path sql = dir.resolve("tiny.sql");
        Files.writeString(sql, """
                -- builds a table and writes it where ${out} says
                CREATE TABLE t AS SELECT range AS n FROM range(5);
                COPY t TO '${out}/t.parquet' (FORMAT parquet);
                SELECT current_setting('threads') AS threads, sum(n) AS total FROM t;
                """);
        Path verify = dir.resolve("verify.sql");
        Files.writeString(verify, "SELECT count(*) AS written FROM read_parquet('${out}/t.parquet');");

        String printed = run("--sql", sql.toString(), "--set", "out=" + out, "--threads", "1",
                "--memory-limit", "512MB", "--verify", verify.toString());

        assertThat(out.resolve("t.parquet")).exists();
        assertThat(printed).contains("3 statements, threads=1, memory_limit=512MB")
                .contains("[1] CREATE TABLE t AS SELECT range AS n FROM range(5)  (5 rows)")
                .contains("[2] COPY t TO '" + out + "/t.parquet' (FORMAT parquet)")
                .contains("threads\ttotal\n1\t10\n")
                .containsPattern("total_seconds=\\d+\\.\\d{3}")
                .contains("-- verification (not timed)\nwritten\n5\n");
    }

    @Test
    void namesTheFailingStatement() throws Exception {
        Path sql = dir.resolve("bad.sql");
        Files.writeString(sql, "SELECT 1;\nSELECT * FROM no_such_table;\n");
        assertThatThrownBy(() -> run("--sql", sql.toString()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("statement 2 (SELECT * FROM no_such_table)");
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(DuckDbReference.run(args, out)).isZero();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
