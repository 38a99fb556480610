package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.time.LocalDate;

/** A reminder or a call (relance). */
public record DunningActionRow(
        String actionId,
        String debtorId,
        String invoiceId,
        String scenarioId,
        Integer step,
        String channel,
        LocalDate actionDate,
        String collectorId,
        Boolean preventive) implements ContractRow {
    public DunningActionRow {
        requireNonNull(actionId, "actionId");
        requireNonNull(debtorId, "debtorId");
        requireNonNull(channel, "channel");
        requireNonNull(actionDate, "actionDate");
    }

    @Override
    public Table table() {
        return Contract.DUNNING_ACTIONS;
    }

    @Override
    public Object[] values() {
        return new Object[] {actionId, debtorId, invoiceId, scenarioId, step, channel, actionDate,
            collectorId, preventive};
    }
}
