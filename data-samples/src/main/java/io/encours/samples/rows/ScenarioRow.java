package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;

/** A dunning scenario (plan de relance). */
public record ScenarioRow(String scenarioId, String name, String targetSegment)
        implements ContractRow {
    public ScenarioRow {
        requireNonNull(scenarioId, "scenarioId");
        requireNonNull(name, "name");
    }

    @Override
    public Table table() {
        return Contract.SCENARIOS;
    }

    @Override
    public Object[] values() {
        return new Object[] {scenarioId, name, targetSegment};
    }
}
