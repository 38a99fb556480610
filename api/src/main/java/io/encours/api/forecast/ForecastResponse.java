package io.encours.api.forecast;

import io.encours.api.web.Amount;
import io.encours.api.web.Stamped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/forecast}: expected cash-in from T + 1, per day, horizon week or month. */
public record ForecastResponse(
        LocalDate snapshotDate,
        String runId,
        @Schema(description = "Days after T covered", example = "90") int horizon,
        @Schema(example = "week") String granularity,
        List<Point> points) implements Stamped {

    public record Point(
            @Schema(description = "First day of the period (the day, the horizon week, the calendar month)")
            LocalDate periodStart,
            @Schema(description = "Last day of the period inside the horizon") LocalDate periodEnd,
            @Schema(description = "Open promises × p_keep, EUR") @Amount BigDecimal promised,
            @Schema(description = "Open invoices by the delay curves, EUR") @Amount BigDecimal invoices,
            @Schema(description = "promised + invoices, EUR") @Amount BigDecimal total,
            @Schema(description = "Calibrated 80 % range, low end (null: no range, several entities, or a period "
                    + "cut by the horizon)") @Amount BigDecimal low,
            @Schema(description = "Calibrated 80 % range, high end") @Amount BigDecimal high) {
    }
}
