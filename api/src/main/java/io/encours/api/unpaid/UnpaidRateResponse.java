package io.encours.api.unpaid;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.encours.api.web.Amount;
import io.encours.api.web.Rate;
import io.encours.api.web.Stamped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/unpaid-rate}: unpaid rate (taux d'impayés) per due-month cohort. */
public record UnpaidRateResponse(LocalDate snapshotDate, String runId, List<Point> points) implements Stamped {

    public record Point(
            @Schema(description = "Due month of the invoices", example = "2025-03") String period,
            @Schema(description = "amountUnpaid / amountDue, 0..1") @Rate BigDecimal unpaidRate,
            @Schema(description = "Σ amount of the invoices due in the month, EUR") @Amount BigDecimal amountDue,
            @Schema(description = "Still unpaid 90 days after the due date, EUR") @Amount BigDecimal amountUnpaid,
            @JsonProperty("final")
            @Schema(description = "true once the month's last day + 90 ≤ T; otherwise provisional") boolean finalRate,
            @Schema(description = "When the figure becomes final") LocalDate finalOn,
            @Schema(description = "Invoices due in the month") long invoices) {
    }
}
