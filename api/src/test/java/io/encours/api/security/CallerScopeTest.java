package io.encours.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.api.query.SqlFilter;
import io.encours.api.web.error.OutOfScopeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scope rules that need no database (the ones that do are in SecurityTest). */
class CallerScopeTest {

    private static CallerScope scope(Role role, List<String> entities, String collector) {
        return new CallerScope("u", role, entities, collector, () -> {
            throw new AssertionError("no dimension look-up expected");
        });
    }

    @Test
    void anEntityCfoListsOnlyItsEntities() {
        CallerScope scope = scope(Role.ENTITY_CFO, List.of("ENT-01", "ENT-04"), null);
        assertThat(scope.entities(List.of())).containsExactly("ENT-01", "ENT-04");
        SqlFilter where = scope.restrict(SqlFilter.create(), "entity_id", "collector_id");
        assertThat(where.whereClause()).isEqualTo("WHERE entity_id IN (?, ?)");
        assertThat(where.params()).containsExactly("ENT-01", "ENT-04");
        assertThatThrownBy(() -> scope.entities(List.of("ENT-02")))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("entity ENT-02 is outside your scope (you may see: ENT-01, ENT-04)");
        // Data without an entity breakdown cannot be restricted: refused rather than leaked.
        assertThatThrownBy(() -> scope.restrict(SqlFilter.create(), null, "collector_id"))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void aCollectorSeesOnlyItsOwnCollector() {
        CallerScope scope = scope(Role.COLLECTOR, List.of(), "COL-07");
        assertThat(scope.collector(null)).isEqualTo("COL-07");
        assertThat(scope.collector("COL-07")).isEqualTo("COL-07");
        assertThatThrownBy(() -> scope.collector("COL-01")).isInstanceOf(OutOfScopeException.class);
        assertThat(scope.restrict(SqlFilter.create(), "entity_id", "collector_id").whereClause())
                .isEqualTo("WHERE collector_id = ?");
        assertThatThrownBy(() -> scope.requireRole(Role.GROUP_CFO, Role.ENTITY_CFO))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("not available to the COLLECTOR role");
    }

    @Test
    void anAnalystGetsNoDebtorLevelDataNorNames() {
        CallerScope scope = scope(Role.ANALYST, List.of(), null);
        assertThat(scope.namesAllowed()).isFalse();
        assertThat(scope.allEntities()).isTrue();
        assertThatThrownBy(scope::requireDebtorLevel).isInstanceOf(OutOfScopeException.class);
        assertThatThrownBy(() -> scope.requireDebtor("D-001")).isInstanceOf(OutOfScopeException.class);
        assertThat(scope.restrict(SqlFilter.create(), null, null).isEmpty()).isTrue();
    }

    @Test
    void aGroupCfoIsNotRestricted() {
        CallerScope scope = scope(Role.GROUP_CFO, List.of(), null);
        assertThat(scope.entities(null)).isEmpty();
        assertThat(scope.collector(null)).isNull();
        assertThat(scope.restrict(SqlFilter.create(), null, null).isEmpty()).isTrue();
        assertThat(scope.debtorLevelAllowed()).isTrue();
    }
}
