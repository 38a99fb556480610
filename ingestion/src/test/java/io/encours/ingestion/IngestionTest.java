package io.encours.ingestion;

import static io.encours.testing.SnapshotFixture.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.cli.ExitCode;
import io.encours.curated.CuratedSnapshot;
import io.encours.storage.Warehouse;
import io.encours.testing.SnapshotFixture;
import io.encours.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on disk: run folders, the CURRENT switch, the report, failures that publish nothing. */
class IngestionTest {
    private static final LocalDate T = d("2025-03-31");
    private final SparkSession spark = TestSpark.get();
    @TempDir
    Path dir;

    private static SnapshotFixture snapshot() {
        return SnapshotFixture.minimal()
                .add("invoices", "I1", "D1", "INVOICE", null, d("2025-01-10"), d("2025-02-09"), 100, "EUR", null)
                .add("invoices", "I2", "D1", "INVOICE", null, d("2025-02-10"), d("2025-03-09"), 200, "USD", null)
                .add("payments", "P1", "I1", d("2025-03-01"), 150, "TRANSFER")     // overpaid
                .add("payments", "P2", "I2", d("2025-03-01"), 50, "TRANSFER")
                .add("payments", "P2", "I2", d("2025-03-01"), 50, "TRANSFER")      // exact duplicate
                .add("payments", "P3", "I2", d("2025-03-02"), -1, "TRANSFER");     // BAD_AMOUNT
    }

    private IngestionConfig config(Path root, double share) {
        return new IngestionConfig(root.toString(), null, dir.resolve("warehouse").toString(), share, 5);
    }

    @Test
    void publishesAReportedRunAndPointsCurrentAtIt() throws IOException {
        Path root = dir.resolve("snapshots");
        snapshot().write(spark, root, T);
        IngestionReport report = Ingestion.run(spark, config(root, 0.5));

        assertThat(report.status()).isEqualTo(IngestionReport.SUCCEEDED);
        assertThat(report.snapshotDate()).isEqualTo("2025-03-31");
        Map<String, TableReport> tables = report.tables().stream()
                .collect(Collectors.toMap(TableReport::table, t -> t));
        TableReport payments = tables.get("payments");
        assertThat(payments.read()).isEqualTo(4);
        assertThat(payments.accepted()).isEqualTo(2);
        assertThat(payments.rejected()).isEqualTo(1);
        assertThat(payments.duplicatesCollapsed()).isEqualTo(1);
        assertThat(payments.rejectsByReason()).containsExactly(Map.entry("BAD_AMOUNT", 1L));
        assertThat(tables.get("invoices").currenciesConverted()).containsExactly(Map.entry("USD", 1L));
        assertThat(report.overpayments()).isEqualTo(1);
        assertThat(report.tables()).allMatch(TableReport::balanced);

        Path warehouse = dir.resolve("warehouse");
        String current = Files.readString(warehouse.resolve("curated/CURRENT")).trim();
        assertThat(current).isEqualTo(report.runId());
        assertThat(warehouse.resolve("curated/runs/" + current + "/_SUCCESS")).exists();
        CuratedSnapshot curated = CuratedSnapshot.readCurrent(spark, warehouse.toString());
        assertThat(curated.snapshotDate()).isEqualTo(T);
        assertThat(curated.payments().count()).isEqualTo(2);
        assertThat(spark.read().parquet(warehouse.resolve("curated/runs/" + current + "/rejects").toString())
                .select("table_name", "reason").collectAsList().toString())
                .isEqualTo("[[payments,BAD_AMOUNT]]");
    }

    @Test
    void tooManyRejectsPublishNothingAndKeepThePreviousRun() {
        Path root = dir.resolve("snapshots");
        snapshot().write(spark, root, T);
        IngestionReport first = Ingestion.run(spark, config(root, 0.5));

        // 1 reject of 4 payments = 25 % > 5 %: refused.
        assertThatThrownBy(() -> Ingestion.run(spark, config(root, 0.05)))
                .isInstanceOf(RejectThresholdException.class)
                .hasMessage("reject share above the threshold of 5.00%: payments 25.00% (1 of 4)");
        Warehouse curated = new Warehouse(dir.resolve("warehouse").toString(), "curated",
                spark.sparkContext().hadoopConfiguration());
        assertThat(curated.current()).contains(first.runId());
    }

    @Test
    void aMissingTableOrSnapshotIsAClearInputError() throws IOException {
        Path root = dir.resolve("snapshots");
        Path snapshot = snapshot().write(spark, root, T);
        assertThatThrownBy(() -> Ingestion.run(spark, new IngestionConfig(root.toString(),
                d("2025-04-30"), dir.resolve("w").toString(), 0.05, 5)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no snapshot dated 2025-04-30 under " + root + "; available: [2025-03-31]");
        org.apache.commons.io.FileUtils.deleteDirectory(snapshot.resolve("disputes").toFile());
        assertThatThrownBy(() -> Ingestion.run(spark, config(root, 0.05)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is missing table disputes");
        assertThatThrownBy(() -> Ingestion.run(spark, config(dir.resolve("nowhere"), 0.05)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void theCommandLineSaysWhatIsWrongWithExitCodes() {
        assertThat(IngestionJob.run(new String[] {"--help"})).isEqualTo(ExitCode.OK);
        assertThat(IngestionJob.run(new String[] {"--warehouse", "w"})).isEqualTo(ExitCode.USAGE);
        assertThat(IngestionJob.run(new String[] {"--snapshot-root", "r", "--warehouse", "w",
                "--max-reject-share", "lots"})).isEqualTo(ExitCode.USAGE);
        assertThat(IngestionJob.run(new String[] {"--snapshot-root", "r", "--warehouse", "w",
                "--keep-runs", "2.5"})).isEqualTo(ExitCode.USAGE);
        assertThat(IngestionJob.run(new String[] {"--bogus"})).isEqualTo(ExitCode.USAGE);
    }
}
