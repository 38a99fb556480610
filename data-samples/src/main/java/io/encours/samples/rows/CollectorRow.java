package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;

/** A credit collector (chargé de recouvrement). */
public record CollectorRow(String collectorId, String name, String team) implements ContractRow {
    public CollectorRow {
        requireNonNull(collectorId, "collectorId");
        requireNonNull(name, "name");
    }

    @Override
    public Table table() {
        return Contract.COLLECTORS;
    }

    @Override
    public Object[] values() {
        return new Object[] {collectorId, name, team};
    }
}
