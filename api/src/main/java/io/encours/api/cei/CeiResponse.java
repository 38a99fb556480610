package io.encours.api.cei;

import io.encours.api.web.Amount;
import io.encours.api.web.Percent;
import io.encours.api.web.Stamped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/cei}: collection effectiveness index per month of the history. */
public record CeiResponse(LocalDate snapshotDate, String runId, List<Point> points) implements Stamped {

    public record Point(
            @Schema(example = "2025-06") String period,
            @Schema(description = "collected / collectible × 100, in percent; null when collectible = 0")
            @Percent BigDecimal cei,
            @Schema(description = "AR(b) + Sales − AR(e), EUR") @Amount BigDecimal collected,
            @Schema(description = "AR(b) + Sales − CurrentAR(e), EUR") @Amount BigDecimal collectible) {
    }
}
