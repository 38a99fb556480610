package io.encours.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Generator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:").contains("--dirty");
        assertThat(err()).isEmpty();
    }

    @Test
    void missingRequiredOptionExits2() {
        assertThat(run("--debtors", "10", "--invoices", "100")).isEqualTo(2);
        assertThat(err()).startsWith("encours-generate: missing --out").contains("Usage:");
    }

    @Test
    void badValuesExit2WithOneLineMessages() {
        assertThat(run("--debtors", "ten", "--invoices", "100", "--out", "x")).isEqualTo(2);
        assertThat(err().lines().findFirst().orElseThrow())
                .isEqualTo("encours-generate: --debtors must be an integer, got 'ten'");
    }

    @Test
    void outOfRangeValuesExit2() {
        assertThat(run("--debtors", "0", "--invoices", "100", "--out", "x")).isEqualTo(2);
        assertThat(err()).contains("--debtors must be between 1 and");
    }

    @Test
    void badDateExit2() {
        assertThat(run("--debtors", "1", "--invoices", "1", "--out", "x", "--as-of", "30/06/2025"))
                .isEqualTo(2);
        assertThat(err()).contains("--as-of must be a date like 2025-06-30");
    }

    @Test
    void badDirtyRateExit2() {
        assertThat(run("--debtors", "1", "--invoices", "1", "--out", "x", "--dirty", "2")).isEqualTo(2);
        assertThat(err()).contains("--dirty must be in (0, 0.3]");
    }

    @Test
    void unknownOptionExit2() {
        assertThat(run("--debtors", "1", "--invoices", "1", "--out", "x", "--colour")).isEqualTo(2);
        assertThat(err()).startsWith("encours-generate: unknown option: --colour");
    }

    @Test
    void missingValueExit2() {
        assertThat(run("--debtors", "--invoices", "1", "--out", "x")).isEqualTo(2);
        assertThat(err()).startsWith("encours-generate: --debtors needs a value");
    }

    @Test
    void refusesANonEmptySnapshotUnlessForced() throws Exception {
        Path root = TestSnapshots.newFolder("cli");
        String[] args = {"--debtors", "20", "--invoices", "150", "--out", root.toString(),
            "--seed=9", "--as-of=2025-03-31", "--months", "12"};
        assertThat(run(args)).isZero();
        Path snapshot = root.resolve("snapshot_date=2025-03-31");
        assertThat(snapshot.resolve("invoices/part-00000.parquet")).exists();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("done: ").contains("invoices=150");

        assertThat(run(args)).isEqualTo(1);
        assertThat(err()).contains("already exists and is not empty (use --force to replace it)");

        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(run(forced)).isZero();
        assertThat(TestSnapshots.manifest(snapshot).at("/parameters/months").asInt()).isEqualTo(12);
        // Nothing is left behind but the snapshot.
        try (var entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("snapshot_date=2025-03-31");
        }
    }
}
