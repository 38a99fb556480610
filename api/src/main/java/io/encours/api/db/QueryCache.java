package io.encours.api.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Query results of one published database, least recently used first out. A published file
 * never changes, so a result is valid for the life of its {@link ServedDatabase}, and a new run
 * starts with an empty cache: nothing stale can be served. Dashboards and notebooks ask the same
 * few series again and again; DuckDB then answers once per run instead of once per request.
 *
 * <p>The key is the SQL, the bound parameters and what maps the rows (the row type, or the
 * mapper object itself: a mapper built per call never hits, which is safe). Everything that
 * scopes a result to its caller (entities, collector) is a bound parameter, so two callers
 * share an entry only when they are entitled to the same rows. Bounded by rows held, not only
 * by entries: a large result is not kept at all.
 */
final class QueryCache {
    private final int maxRowsPerResult;
    private final long maxRowsHeld;
    private final LinkedHashMap<Key, List<?>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long rowsHeld;
    private long hits;
    private long misses;

    QueryCache(int maxRowsPerResult, long maxRowsHeld) {
        this.maxRowsPerResult = maxRowsPerResult;
        this.maxRowsHeld = maxRowsHeld;
    }

    private record Key(String sql, Object mapping, List<Object> params) {
    }

    /** The cached result, or {@code query}'s (kept when small enough). */
    @SuppressWarnings("unchecked")
    <T> List<T> get(String sql, Object mapping, Object[] params, Supplier<List<T>> query) {
        Key key = new Key(sql, mapping, deepList(params));
        synchronized (this) {
            List<?> cached = entries.get(key);
            if (cached != null) {
                hits++;
                return (List<T>) cached;
            }
            misses++;
        }
        // Outside the lock: two requests may run the same query once each, never wait on each other.
        List<T> result = Collections.unmodifiableList(new ArrayList<>(query.get()));
        if (result.size() <= maxRowsPerResult) {
            put(key, result);
        }
        return result;
    }

    private synchronized void put(Key key, List<?> result) {
        List<?> previous = entries.put(key, result);
        rowsHeld += weight(result) - (previous == null ? 0 : weight(previous));
        Iterator<Map.Entry<Key, List<?>>> eldest = entries.entrySet().iterator();
        while (rowsHeld > maxRowsHeld && eldest.hasNext()) {
            rowsHeld -= weight(eldest.next().getValue());
            eldest.remove();
        }
    }

    /** An empty result still costs an entry. */
    private static long weight(List<?> result) {
        return Math.max(1, result.size());
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    synchronized int size() {
        return entries.size();
    }

    /** Parameters compared by value, arrays included. */
    private static List<Object> deepList(Object[] params) {
        List<Object> values = new ArrayList<>(params.length);
        for (Object p : params) {
            values.add(p instanceof Object[] array ? deepList(array)
                    : p instanceof int[] ints ? Arrays.stream(ints).boxed().toList()
                    : p instanceof long[] longs ? Arrays.stream(longs).boxed().toList() : p);
        }
        return values;
    }
}
