package io.encours.api.db;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Look-ups in the dimension tables of one database file ({@code dim_entities},
 * {@code dim_collectors}, {@code dim_debtors}); the small id lists are read once per file.
 */
public final class Dimensions {

    /** A debtor's place in the scope rules: its entity and its collector (null = unassigned). */
    public record DebtorRef(String debtorId, String entityId, String collectorId) {
    }

    private final JdbcTemplate jdbc;
    private final Supplier<List<String>> entityIds;
    private final Supplier<List<String>> collectorIds;

    Dimensions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.entityIds = memoize(() -> jdbc.queryForList(
                "SELECT entity_id FROM dim_entities ORDER BY entity_id", String.class));
        this.collectorIds = memoize(() -> jdbc.queryForList(
                "SELECT collector_id FROM dim_collectors ORDER BY collector_id", String.class));
    }

    /** Entity ids, ascending. */
    public List<String> entityIds() {
        return entityIds.get();
    }

    /** Collector ids, ascending. */
    public List<String> collectorIds() {
        return collectorIds.get();
    }

    public Optional<String> smallestEntityId() {
        return entityIds().stream().findFirst();
    }

    public Optional<String> smallestCollectorId() {
        return collectorIds().stream().findFirst();
    }

    public boolean entityExists(String entityId) {
        return entityIds().contains(entityId);
    }

    public boolean collectorExists(String collectorId) {
        return collectorIds().contains(collectorId);
    }

    public Optional<DebtorRef> debtor(String debtorId) {
        return jdbc.query("SELECT debtor_id, entity_id, collector_id FROM dim_debtors WHERE debtor_id = ?",
                (rs, i) -> new DebtorRef(rs.getString(1), rs.getString(2), rs.getString(3)), debtorId)
                .stream().findFirst();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = supplier.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
