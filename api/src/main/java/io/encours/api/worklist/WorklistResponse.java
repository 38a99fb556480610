package io.encours.api.worklist;

import io.encours.api.web.Amount;
import io.encours.api.web.CsvRows;
import io.encours.api.web.Paged;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/worklists/{collectorId}}: the collector's ranked debtors (paged) and its
 * insolvent debtors ({@code legal}, all of them). As CSV: the {@code rows}.
 */
public record WorklistResponse(
        LocalDate snapshotDate,
        String runId,
        @Schema(example = "COL-001") String collectorId,
        long total,
        int page,
        int size,
        @CsvRows List<Row> rows,
        @Schema(description = "Insolvent debtors of the portfolio with actionable invoices: claims are declared "
                + "to the mandataire, not chased") List<Legal> legal) implements Paged {

    /** One debtor to chase, as of T. */
    public record Row(
            @Schema(description = "1 = first: by priority descending, then debtor id") int rank,
            String debtorId,
            String debtorName,
            @Schema(description = "Σ remaining of the actionable invoices, EUR") @Amount BigDecimal overdueAmount,
            @Schema(description = "max(T − due_date) over them") int maxDaysOverdue,
            @Schema(description = "null when unknown") Integer creditScore,
            @Schema(description = "overdue × (1 + days / 30) × risk × promise factor") @Amount BigDecimal priority,
            @Schema(description = "Why it ranks there, in words") List<String> reasons,
            @Schema(description = "WAIT_FOR_PROMISE, FORMAL_NOTICE, CALL or EMAIL") String suggestedAction,
            @Schema(description = "The actionable invoices, oldest due date first") List<Invoice> invoices,
            String entityId,
            String segment,
            long invoiceCount) {
    }

    /** An insolvent debtor of the portfolio. */
    public record Legal(
            String debtorId,
            String debtorName,
            @Amount BigDecimal overdueAmount,
            int maxDaysOverdue,
            Integer creditScore,
            List<Invoice> invoices,
            String entityId,
            String segment,
            long invoiceCount) {
    }

    /** An actionable invoice: INVOICE, remaining(T) > 0, overdue, not in dispute, not written off. */
    public record Invoice(String invoiceId, LocalDate dueDate, int daysOverdue,
            @Schema(description = "Remaining at T, EUR") @Amount BigDecimal remaining, boolean inDispute) {
    }
}
