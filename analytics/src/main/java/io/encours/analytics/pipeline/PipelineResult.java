package io.encours.analytics.pipeline;

import static java.util.Objects.requireNonNull;

import io.encours.ingestion.IngestionReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a published pipeline run did, for the console. */
public record PipelineResult(String runId, IngestionReport ingestion, Path database,
        int tablesPublished, Map<String, Long> timingsMs) {
    public PipelineResult {
        requireNonNull(runId, "runId");
        requireNonNull(ingestion, "ingestion");
        requireNonNull(database, "database");
        timingsMs = new LinkedHashMap<>(timingsMs);
    }

    public String summary() {
        StringBuilder out = new StringBuilder(ingestion.summary());
        out.append(String.format(Locale.ROOT, "Published run %s (snapshot %s): %d tables in %s%n",
                runId, ingestion.snapshotDate(), tablesPublished, database));
        timingsMs.forEach((stage, ms) -> out.append(String.format(Locale.ROOT, "  %-28s %8.1f s%n",
                stage, ms / 1000.0)));
        return out.toString();
    }
}
