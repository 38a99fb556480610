package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;

/** A group company (creditor). */
public record EntityRow(String entityId, String name, String country) implements ContractRow {
    public EntityRow {
        requireNonNull(entityId, "entityId");
        requireNonNull(name, "name");
    }

    @Override
    public Table table() {
        return Contract.ENTITIES;
    }

    @Override
    public Object[] values() {
        return new Object[] {entityId, name, country};
    }
}
