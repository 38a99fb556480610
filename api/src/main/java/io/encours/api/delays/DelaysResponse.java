package io.encours.api.delays;

import io.encours.api.web.Amount;
import io.encours.api.web.Days;
import io.encours.api.web.Rate;
import io.encours.api.web.Stamped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/delays}: payment delays of the invoices settled in each period. */
public record DelaysResponse(
        LocalDate snapshotDate,
        String runId,
        @Schema(example = "month") String granularity,
        List<Point> points) implements Stamped {

    public record Point(
            @Schema(description = "Month 2025-06 or quarter 2025-Q2") String period,
            @Schema(description = "Amount-weighted average days late (max(0, settle − due))")
            @Days BigDecimal averageDelayDays,
            @Schema(description = "Average days late per invoice") @Days BigDecimal averageDelayDaysByCount,
            @Schema(description = "Share of the settled invoices paid late, 0..1") @Rate BigDecimal shareLate,
            @Schema(description = "Invoices settled in the period") long invoicesSettled,
            @Schema(description = "Their amount, EUR") @Amount BigDecimal amountSettled) {
    }
}
