package io.encours.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class QueryCacheTest {
    private final AtomicInteger executed = new AtomicInteger();

    private Supplier<List<String>> rows(String... values) {
        return () -> {
            executed.incrementAndGet();
            return new ArrayList<>(List.of(values));
        };
    }

    @Test
    void theSameQueryParametersAndMappingRunOnce() {
        QueryCache cache = new QueryCache(10, 100);
        Object[] params = {"ENT-01", new Object[] {"A", "B"}};
        assertThat(cache.get("SELECT x", String.class, params, rows("a", "b"))).containsExactly("a", "b");
        // A new array with equal values is the same key: parameters compare by value.
        assertThat(cache.get("SELECT x", String.class, new Object[] {"ENT-01", new Object[] {"A", "B"}},
                rows("other"))).containsExactly("a", "b");
        assertThat(executed).hasValue(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void anotherParameterSqlOrMappingIsAnotherEntry() {
        QueryCache cache = new QueryCache(10, 100);
        cache.get("SELECT x", String.class, new Object[] {"ENT-01"}, rows("a"));
        assertThat(cache.get("SELECT x", String.class, new Object[] {"ENT-02"}, rows("b"))).containsExactly("b");
        assertThat(cache.get("SELECT y", String.class, new Object[] {"ENT-01"}, rows("c"))).containsExactly("c");
        assertThat(cache.get("SELECT x", Integer.class, new Object[] {"ENT-01"}, rows("d"))).containsExactly("d");
        assertThat(cache.get("SELECT x", String.class, new Object[] {null}, rows("e"))).containsExactly("e");
        assertThat(executed).hasValue(5);
        assertThat(cache.size()).isEqualTo(5);
    }

    @Test
    void resultsAreUnmodifiable() {
        QueryCache cache = new QueryCache(10, 100);
        List<String> result = cache.get("SELECT x", String.class, new Object[0], rows("a"));
        assertThatThrownBy(() -> result.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aResultLargerThanTheLimitIsServedButNotKept() {
        QueryCache cache = new QueryCache(2, 100);
        cache.get("SELECT big", String.class, new Object[0], rows("a", "b", "c"));
        cache.get("SELECT big", String.class, new Object[0], rows("a", "b", "c"));
        assertThat(executed).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTooManyRowsAreHeld() {
        QueryCache cache = new QueryCache(10, 4);
        cache.get("q1", String.class, new Object[0], rows("a", "b"));
        cache.get("q2", String.class, new Object[0], rows("c", "d"));
        cache.get("q1", String.class, new Object[0], rows("unused")); // q1 is now the most recent
        cache.get("q3", String.class, new Object[0], rows("e")); // 5 rows > 4: q2 goes
        assertThat(cache.size()).isEqualTo(2);
        executed.set(0);
        cache.get("q1", String.class, new Object[0], rows("x"));
        cache.get("q3", String.class, new Object[0], rows("x"));
        assertThat(executed).hasValue(0);
        assertThat(cache.get("q2", String.class, new Object[0], rows("again"))).containsExactly("again");
    }
}
