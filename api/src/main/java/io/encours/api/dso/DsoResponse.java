package io.encours.api.dso;

import io.encours.api.web.Amount;
import io.encours.api.web.Days;
import io.encours.api.web.Stamped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/dso}: a series, one point per history date (month ends and T). */
public record DsoResponse(
        LocalDate snapshotDate,
        String runId,
        @Schema(description = "standard or countback", example = "standard") String method,
        @Schema(description = "Sales window N in days (standard); null for countback", example = "90") Integer window,
        List<Point> points) implements Stamped {

    /** DSO at one history date d. */
    public record Point(
            @Schema(description = "Month of d", example = "2025-06") String period,
            @Schema(description = "d: the month end, or T for the month holding T", example = "2025-06-30")
            LocalDate periodEnd,
            @Schema(description = "Days (standard: AR × N / Sales; countback: épuisement du CA); null when sales ≤ 0")
            @Days BigDecimal dso,
            @Schema(description = "CurrentAR × N / Sales (standard only)") @Days BigDecimal bestPossibleDso,
            @Schema(description = "DSO − best possible DSO (standard only)") @Days BigDecimal averageDaysDelinquent,
            @Schema(description = "AR(d), EUR") @Amount BigDecimal receivables,
            @Schema(description = "Sales(d − N, d], EUR (standard only)") @Amount BigDecimal sales,
            @Schema(description = "Countback only: AR not exhausted after 24 months") Boolean capped) {
    }
}
