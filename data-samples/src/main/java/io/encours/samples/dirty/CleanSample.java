package io.encours.samples.dirty;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import io.encours.samples.ledger.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed-size uniform sample (reservoir sampling) of the clean rows of every table, taken as
 * they stream by: the dirty rows are built from it (references to real ids, exact copies of
 * real rows) without keeping any table in memory.
 */
public final class CleanSample {
    static final int SIZE = 512;
    /** Pseudo-table of the invoices sample holding only credit notes. */
    static final String CREDIT_NOTES = "invoices#CREDIT_NOTE";

    private final Map<String, List<Object[]>> rows = new HashMap<>();
    private final Map<String, Long> seen = new HashMap<>();
    private final SplittableRandom rng;

    public CleanSample(long seed) {
        this.rng = Seeds.stream(seed, Seeds.Purpose.RESERVOIR, 0);
    }

    public void offer(Table table, Object[] values) {
        String key = table.name();
        if (table == Contract.INVOICES && "CREDIT_NOTE".equals(values[2])) {
            key = CREDIT_NOTES;
        }
        List<Object[]> list = rows.computeIfAbsent(key, k -> new ArrayList<>());
        long n = seen.merge(key, 1L, Long::sum);
        if (list.size() < SIZE) {
            list.add(values);
        } else {
            long j = rng.nextLong(n);
            if (j < SIZE) {
                list.set((int) j, values);
            }
        }
    }

    /** The sampled rows of a table (for invoices: INVOICE documents only). */
    List<Object[]> rows(String table) {
        return rows.getOrDefault(table, List.of());
    }
}
