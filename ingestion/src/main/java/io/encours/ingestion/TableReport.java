package io.encours.ingestion;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** Counts of one table in one run. read = accepted + rejected + duplicatesCollapsed. */
public record TableReport(String table, long read, long accepted, long rejected,
        long duplicatesCollapsed, double rejectShare, Map<String, Long> rejectsByReason,
        List<String> extraColumns, List<String> toleratedTypes,
        Map<String, Long> currenciesConverted) {
    public TableReport {
        requireNonNull(table, "table");
        rejectsByReason = Map.copyOf(rejectsByReason);
        extraColumns = List.copyOf(extraColumns);
        toleratedTypes = List.copyOf(toleratedTypes);
        currenciesConverted = Map.copyOf(currenciesConverted);
    }

    public boolean balanced() {
        return read == accepted + rejected + duplicatesCollapsed;
    }
}
