package io.encours.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed sample (data-samples/sample) is exactly what regenerate-sample.sh produces with
 * the current generator, breaks no rule, and has the documented realism figures. When this
 * fails after a change to the generator, run regenerate-sample.sh and update the README figures.
 */
class SampleTest {
    static final Path SAMPLE = Path.of("sample", "snapshot_date=2025-06-30");

    @Test
    void sampleIsUpToDate() throws Exception {
        assertThat(SAMPLE.resolve(SnapshotGenerator.MANIFEST)).exists();
        Path fresh = TestSnapshots.generate(1_200, 20_000, 42, null, 1_000_000);
        for (Table t : Contract.TABLES) {
            Path committed = SAMPLE.resolve(t.name()).resolve("part-00000.parquet");
            Path generated = fresh.resolve(t.name()).resolve("part-00000.parquet");
            // Byte-identical files are the same rows; compare the rows only otherwise (e.g.
            // after a DuckDB upgrade that writes the same rows differently).
            if (Files.mismatch(committed, generated) != -1) {
                assertThat(TestSnapshots.rows(SAMPLE, t)).as(t.name())
                        .containsExactlyElementsOf(TestSnapshots.rows(fresh, t));
            }
        }
        assertThat(TestSnapshots.manifest(SAMPLE)).isEqualTo(TestSnapshots.manifest(fresh));
    }

    @Test
    void sampleBreaksNoRule() throws Exception {
        ContractChecker.Outcome outcome = ContractChecker.check(SAMPLE, TestSnapshots.AS_OF);
        for (Table t : Contract.TABLES) {
            assertThat(outcome.rejects().get(t.name())).as(t.name()).isEmpty();
            assertThat(outcome.collapsed().get(t.name())).as(t.name()).isZero();
        }
    }

    @Test
    void sampleHasTheNationalDelayLevelAndSegmentOrder() throws Exception {
        try (SnapshotMetrics m = new SnapshotMetrics(SAMPLE, TestSnapshots.AS_OF)) {
            assertThat(m.averageDelay("true")).isBetween(12.0, 15.0);
            double key = m.averageDelay("segment = 'KEY_ACCOUNT'");
            double pub = m.averageDelay("segment = 'PUBLIC'");
            double sme = m.averageDelay("segment = 'SME'");
            assertThat(key).isGreaterThan(sme);
            assertThat(pub).isGreaterThan(sme);
            assertThat(m.keptRate("true")).isBetween(0.6, 0.8);
            // MICRO debtors leave more unpaid.
            String never = "SELECT sum(amount) FILTER (i.invoice_id NOT IN (SELECT invoice_id FROM settle))"
                    + " / sum(amount) FROM invoices i JOIN debtors d USING (debtor_id)"
                    + " WHERE document_type = 'INVOICE' AND due_date < DATE '2025-01-01' AND segment = ";
            assertThat(m.scalar(never + "'MICRO'")).isGreaterThan(2 * m.scalar(never + "'SME'"));
        }
    }
}
