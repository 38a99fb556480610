package io.encours.api.collectors;

import io.encours.api.web.Amount;
import io.encours.api.web.Days;
import io.encours.api.web.Rate;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Map;

/** One collector's month ({@code GET /api/v1/collectors/performance} rows). */
public record CollectorPerformanceRow(
        String collectorId,
        @Schema(description = "Collector's name; null for an ANALYST") String name,
        @Schema(description = "Actions with this collector dated in the month") long actions,
        @Schema(description = "The same by channel: EMAIL, SMS, CALL, LETTER, REGISTERED_LETTER, FORMAL_NOTICE")
        Map<String, Long> actionsByChannel,
        @Schema(description = "Payments attributed to those actions (whenever paid), EUR") @Amount BigDecimal attributedAmount,
        @Schema(description = "Promises it obtained, created in the month") long promisesCreated,
        @Schema(description = "Of its promises due in the month: kept as of T") long promisesKept,
        long promisesBroken,
        long promisesOpen,
        @Schema(description = "kept / (kept + broken); null when none resolved") @Rate Double keptRate,
        @Schema(description = "Overdue of its portfolio (debtors it is the current collector of) at the month end, EUR")
        @Amount BigDecimal portfolioOverdue,
        @Schema(description = "Standard DSO (N = 90) of its portfolio at the month end") @Days BigDecimal portfolioDso,
        @Schema(description = "Average delay of its portfolio's invoices settled in the month")
        @Days BigDecimal portfolioAverageDelayDays,
        @Schema(description = "Its promises with promised date in the month") long promisesDue) {
}
