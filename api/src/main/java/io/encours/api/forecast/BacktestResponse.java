package io.encours.api.forecast;

import io.encours.api.web.Amount;
import io.encours.api.web.CsvRows;
import io.encours.api.web.Rate;
import io.encours.api.web.Stamped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/forecast/backtest}: how the model did on past cutoffs, per horizon week,
 * against the naive baseline. As CSV: the {@code horizons}.
 */
public record BacktestResponse(
        LocalDate snapshotDate,
        String runId,
        @Schema(description = "Number of weekly cutoffs replayed (null: no backtest for this cell)", example = "26")
        Integer cutoffs,
        LocalDate firstCutoff,
        LocalDate lastCutoff,
        @Schema(description = "WAPE over every cutoff and week") @Rate Double wape,
        @Schema(description = "The baseline's WAPE over every cutoff and week") @Rate Double baselineWape,
        @Schema(description = "1 − wape / baselineWape") @Rate Double wapeReduction,
        @Schema(description = "Leave-one-out coverage of the weekly range") @Rate Double coverage,
        @Schema(description = "The same for the monthly range") @Rate Double monthCoverage,
        @Schema(description = "Nominal level of the range", example = "0.8") @Rate Double rangeLevel,
        @CsvRows List<Horizon> horizons) implements Stamped {

    public record Horizon(
            @Schema(description = "Horizon week 1..13 (days 7(w − 1) + 1 … 7w after the cutoff)") int week,
            @Schema(description = "Σ|actual − forecast| / Σ actual over the cutoffs") @Rate Double wape,
            @Schema(description = "The same for the naive baseline") @Rate Double baselineWape,
            @Schema(description = "Share of cutoffs whose actual fell in their range") @Rate Double coverage,
            @Schema(description = "Σ actual over the cutoffs, EUR") @Amount BigDecimal actual,
            @Schema(description = "Σ forecast, EUR") @Amount BigDecimal forecast,
            @Schema(description = "Σ baseline, EUR") @Amount BigDecimal baseline) {
    }
}
