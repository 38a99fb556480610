package io.encours.samples.rows;

import io.encours.contract.Table;

/**
 * One row of a contract table. {@link #values()} returns the values in the contract's column
 * order, typed as the sinks expect them: STRING as {@link String}, DATE as
 * {@link java.time.LocalDate}, INT32 as {@link Integer}, BOOLEAN as {@link Boolean}, and both
 * decimal types as {@link java.math.BigDecimal}; null for a missing value.
 */
public interface ContractRow {
    Table table();

    Object[] values();
}
