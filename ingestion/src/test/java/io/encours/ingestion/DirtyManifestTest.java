package io.encours.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.encours.samples.SnapshotGenerator;
import io.encours.samples.cli.Options;
import io.encours.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's --dirty mode breaks each contract rule on purpose and writes down what a
 * correct ingestion must reject: ingestion's counts must equal its manifest exactly.
 */
class DirtyManifestTest {
    @TempDir
    Path dir;

    @Test
    void rejectCountsPerReasonEqualTheGeneratorsManifest() throws IOException {
        Path root = dir.resolve("snapshots");
        SnapshotGenerator.Result generated = new SnapshotGenerator(new Options(150, 1500, 12,
                LocalDate.of(2025, 6, 30), 7, root, 0.02, false, Options.DEFAULT_ROWS_PER_FILE), line -> { })
                .generate();
        JsonNode manifest = new ObjectMapper().readTree(
                generated.snapshot().resolve(SnapshotGenerator.MANIFEST).toFile()).get("dirty");

        IngestionReport report = Ingestion.run(TestSpark.get(), new IngestionConfig(root.toString(), null,
                dir.resolve("warehouse").toString(), 1.0, 5));

        Map<String, Long> expected = new TreeMap<>();
        manifest.get("expectedRejects").forEach(r -> expected.merge(
                r.get("table").asText() + "/" + r.get("reason").asText(), r.get("count").asLong(), Long::sum));
        Map<String, Long> actual = new TreeMap<>();
        report.tables().forEach(t -> t.rejectsByReason().forEach(
                (reason, count) -> actual.put(t.table() + "/" + reason, count)));
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).hasSizeGreaterThan(20);

        Map<String, Long> expectedCollapsed = new TreeMap<>();
        manifest.get("expectedDuplicatesCollapsed").forEach(r -> expectedCollapsed.merge(
                r.get("table").asText(), r.get("count").asLong(), Long::sum));
        Map<String, Long> actualCollapsed = new TreeMap<>();
        report.tables().stream().filter(t -> t.duplicatesCollapsed() > 0)
                .forEach(t -> actualCollapsed.put(t.table(), t.duplicatesCollapsed()));
        assertThat(actualCollapsed).isEqualTo(expectedCollapsed);
        assertThat(report.tables()).allMatch(TableReport::balanced);
    }
}
