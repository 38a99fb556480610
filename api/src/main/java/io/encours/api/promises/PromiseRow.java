package io.encours.api.promises;

import io.encours.api.web.Amount;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One payment promise with its status as of T ({@code GET /api/v1/promises} rows). */
public record PromiseRow(
        String promiseId,
        String debtorId,
        @Schema(description = "null: a promise on the debtor's whole account") String invoiceId,
        @Schema(description = "Who obtained it; null when nobody was recorded") String collectorId,
        LocalDate createdDate,
        LocalDate promisedDate,
        @Amount BigDecimal promisedAmount,
        @Schema(description = "min(paid in the window, promised), EUR") @Amount BigDecimal keptAmount,
        @Schema(description = "KEPT (paid ≥ promised − 0.01), else BROKEN (window over), else OPEN") String status) {
}
