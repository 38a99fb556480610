package io.encours.api.meta;

import io.encours.api.web.CsvRows;
import io.encours.api.web.Stamped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/meta}: the served run and how its ingestion went. As CSV: the
 * {@code tables} rows.
 */
public record MetaResponse(
        @Schema(description = "Date of the receivables snapshot the run computed", example = "2025-06-30")
        LocalDate snapshotDate,
        @Schema(description = "Id of the published run", example = "20250701T060000Z")
        String runId,
        @Schema(description = "When the run was published (UTC)", example = "2025-07-01T06:12:40Z")
        Instant publishedAt,
        @Schema(description = "One entry per contract table read by the ingestion")
        @CsvRows List<TableCounts> tables,
        @Schema(description = "One entry per (table, reason) with rejected rows")
        List<RejectCount> rejects) implements Stamped {

    /** Counts of one contract table. */
    public record TableCounts(
            @Schema(example = "invoices") String table,
            @Schema(description = "Rows read") long read,
            @Schema(description = "Rows accepted into the curated snapshot") long accepted,
            @Schema(description = "Rows rejected (see rejects)") long rejected,
            @Schema(description = "Exact duplicates collapsed into one row") long duplicatesCollapsed) {
    }

    /** Rejected rows of one table for one reason. */
    public record RejectCount(
            @Schema(example = "invoices") String table,
            @Schema(example = "due_date before issue_date") String reason,
            long count) {
    }
}
