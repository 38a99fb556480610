package io.encours.ingestion;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run report: per table counts and rejects by reason, overpayments, timings, and why a
 * failed run failed. Written as report.json in the run folder and summarised on the console.
 */
public record IngestionReport(String runId, String status, String snapshotDate,
        String snapshotPath, String startedAt, double maxRejectShare, List<TableReport> tables,
        long overpayments, Map<String, Long> timingsMs, String failure) {
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public IngestionReport {
        requireNonNull(runId, "runId");
        requireNonNull(status, "status");
        tables = List.copyOf(tables);
        timingsMs = new LinkedHashMap<>(timingsMs);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IngestionReport fromJson(String json) {
        try {
            return JSON.readValue(json, IngestionReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A readable table for the console. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Ingestion %s of snapshot %s: %s%n", runId,
                snapshotDate, status));
        out.append(String.format(Locale.ROOT, "  %-17s %12s %12s %10s %10s %8s%n", "table", "read",
                "accepted", "rejected", "dup.coll.", "share"));
        for (TableReport t : tables) {
            out.append(String.format(Locale.ROOT, "  %-17s %12d %12d %10d %10d %7.3f%%%n", t.table(),
                    t.read(), t.accepted(), t.rejected(), t.duplicatesCollapsed(),
                    100 * t.rejectShare()));
            t.rejectsByReason().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(
                    e -> out.append(String.format(Locale.ROOT, "      %-28s %10d%n", e.getKey(),
                            e.getValue())));
        }
        out.append(String.format(Locale.ROOT, "  overpaid invoices: %d; timings (ms): %s%n",
                overpayments, timingsMs));
        if (failure != null) {
            out.append("  FAILED: ").append(failure).append(System.lineSeparator());
        }
        return out.toString();
    }
}
