package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.time.LocalDate;

/** A contested invoice (litige). */
public record DisputeRow(
        String disputeId, String invoiceId, LocalDate openedDate, LocalDate resolvedDate,
        String category) implements ContractRow {
    public DisputeRow {
        requireNonNull(disputeId, "disputeId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(openedDate, "openedDate");
    }

    @Override
    public Table table() {
        return Contract.DISPUTES;
    }

    @Override
    public Object[] values() {
        return new Object[] {disputeId, invoiceId, openedDate, resolvedDate, category};
    }
}
