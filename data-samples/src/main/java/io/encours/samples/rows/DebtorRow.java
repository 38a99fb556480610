package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.math.BigDecimal;

/** A customer who owes money. */
public record DebtorRow(
        String debtorId,
        String entityId,
        String name,
        String segment,
        String sector,
        String country,
        String collectorId,
        String scenarioId,
        Integer creditScore,
        BigDecimal creditLimit,
        Boolean insolvency) implements ContractRow {
    public DebtorRow {
        requireNonNull(debtorId, "debtorId");
        requireNonNull(entityId, "entityId");
        requireNonNull(name, "name");
        requireNonNull(segment, "segment");
    }

    @Override
    public Table table() {
        return Contract.DEBTORS;
    }

    @Override
    public Object[] values() {
        return new Object[] {debtorId, entityId, name, segment, sector, country, collectorId,
            scenarioId, creditScore, creditLimit, insolvency};
    }
}
