package io.encours.api.benchmarks;

import io.encours.api.web.Amount;
import io.encours.api.web.Days;
import io.encours.api.web.Stamped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/benchmarks}: our figure against each published national figure it is comparable to. */
public record BenchmarksResponse(
        LocalDate snapshotDate,
        String runId,
        @Schema(example = "delay") String metric,
        @Schema(example = "year") String granularity,
        List<Point> points) implements Stamped {

    public record Point(
            @Schema(description = "2024, 2024-H1, 2025-Q2") String period,
            @Schema(description = "Ours, days (DELAY: amount-weighted average delay of the invoices settled in the "
                    + "period; DSO: standard DSO N = 90 at the period end); null without data") @Days BigDecimal ours,
            @Schema(description = "The published national value, days") @Days BigDecimal national,
            @Schema(example = "Altares") String source,
            @Schema(description = "What the national figure covers", example = "France, all companies") String scope,
            @Schema(description = "The publisher's definition") String definition,
            @Schema(description = "max(0, ours − national) × sales of the year / 365, EUR; null when unknown")
            @Amount BigDecimal cashAtStake,
            @Schema(description = "ours − national, days") @Days BigDecimal gapDays,
            @Schema(description = "ALL, SIZE, SECTOR, OWNERSHIP, EUROPE") String scopeType,
            @Schema(description = "Debtor segment the figure is comparable to, if any") String comparableSegment,
            @Schema(description = "Our definition") String ourDefinition,
            LocalDate periodStart,
            LocalDate periodEnd) {
    }
}
