package io.encours.api.aging;

import io.encours.api.web.Amount;
import io.encours.api.web.Paged;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/aged-balance}: a list, one row per group, at one history date. */
public record AgedBalanceResponse(
        LocalDate snapshotDate,
        String runId,
        @Schema(description = "The history date read: the month end of asOf, or T for T's month", example = "2025-06-30")
        LocalDate asOf,
        @Schema(example = "entity") String groupBy,
        long total,
        int page,
        int size,
        List<Row> rows) implements Paged {

    /** Balances by days past due (d − due_date) at asOf, EUR. */
    public record Row(
            @Schema(description = "total; the entity id, segment, collector id (UNASSIGNED) or debtor id") String key,
            @Schema(description = "Entity, segment, collector or debtor name; null for an ANALYST on collectors")
            String label,
            @Amount BigDecimal notDue,
            @Amount BigDecimal days1to30,
            @Amount BigDecimal days31to60,
            @Amount BigDecimal days61to90,
            @Amount BigDecimal days91to180,
            @Amount BigDecimal over180,
            @Schema(description = "AR(asOf)") @Amount BigDecimal total,
            @Schema(description = "total − notDue") @Amount BigDecimal overdue,
            @Schema(description = "Part of total in dispute at asOf") @Amount BigDecimal inDispute) {
    }
}
