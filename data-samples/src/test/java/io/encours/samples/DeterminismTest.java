package io.encours.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Same seed, same rows, whatever the part size; another seed, other rows. */
class DeterminismTest {
    @Test
    void sameSeedGivesTheSameRows() throws Exception {
        Path a = TestSnapshots.generate(200, 3_000, 5, null, 1_000_000);
        Path b = TestSnapshots.generate(200, 3_000, 5, null, 700);
        for (Table t : Contract.TABLES) {
            assertThat(TestSnapshots.rows(b, t)).as(t.name())
                    .isNotEmpty()
                    .containsExactlyElementsOf(TestSnapshots.rows(a, t));
        }
        assertThat(TestSnapshots.manifest(b).get("rows")).isEqualTo(TestSnapshots.manifest(a).get("rows"));
    }

    @Test
    void sameSeedWritesByteIdenticalFiles() throws Exception {
        Path a = TestSnapshots.generate(200, 3_000, 5, null, 1_000_000);
        Path again = TestSnapshots.generate(200, 3_000, 5, null, 999_999);
        for (Table t : Contract.TABLES) {
            Path part = Path.of(t.name(), "part-00000.parquet");
            assertThat(Files.mismatch(a.resolve(part), again.resolve(part))).as(t.name()).isEqualTo(-1);
        }
    }

    @Test
    void anotherSeedGivesOtherRows() throws Exception {
        Path a = TestSnapshots.generate(200, 3_000, 5, null, 1_000_000);
        Path c = TestSnapshots.generate(200, 3_000, 6, null, 1_000_000);
        assertThat(TestSnapshots.rows(c, Contract.INVOICES)).hasSize(3_000)
                .isNotEqualTo(TestSnapshots.rows(a, Contract.INVOICES));
        assertThat(TestSnapshots.rows(c, Contract.DEBTORS))
                .isNotEqualTo(TestSnapshots.rows(a, Contract.DEBTORS));
    }
}
