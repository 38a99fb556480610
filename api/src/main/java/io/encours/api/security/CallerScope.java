package io.encours.api.security;

import io.encours.api.db.Dimensions;
import io.encours.api.db.Dimensions.DebtorRef;
import io.encours.api.query.SqlFilter;
import io.encours.api.web.error.NotFoundException;
import io.encours.api.web.error.OutOfScopeException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the caller of this request may see; every feature applies it. Declare a
 * {@code CallerScope} parameter on a controller method to get it.
 *
 * <ul>
 *   <li>Explicit requests outside the scope are 403 ({@link OutOfScopeException}), never empty
 *       results: {@link #entities}, {@link #collector}, {@link #requireCollector},
 *       {@link #requireDebtor}, {@link #requireDebtorLevel}, {@link #requireRole}.</li>
 *   <li>Lists never hold rows outside the scope: {@link #restrict} adds the implicit filters
 *       (ENTITY_CFO: its entities; COLLECTOR: its own collector id).</li>
 *   <li>Unknown ids are 404. The role check comes first (an ANALYST gets 403 for any debtor),
 *       and an ENTITY_CFO asking for an entity outside its list gets 403 whether it exists or
 *       not.</li>
 * </ul>
 */
public final class CallerScope {

    private final String user;
    private final Role role;
    /** ENTITY_CFO: allowed entities (resolved); null = all. */
    private final List<String> allowedEntities;
    /** COLLECTOR: own collector id (resolved); null otherwise. */
    private final String ownCollector;
    private final Supplier<Dimensions> dimensions;

    public CallerScope(String user, Role role, List<String> allowedEntities, String ownCollector,
            Supplier<Dimensions> dimensions) {
        this.user = Objects.requireNonNull(user);
        this.role = Objects.requireNonNull(role);
        this.allowedEntities = role == Role.ENTITY_CFO ? List.copyOf(allowedEntities) : null;
        this.ownCollector = role == Role.COLLECTOR ? Objects.requireNonNull(ownCollector, "collector id") : null;
        this.dimensions = dimensions;
    }

    public String user() {
        return user;
    }

    public Role role() {
        return role;
    }

    /** True when the caller sees every entity (all roles but ENTITY_CFO). */
    public boolean allEntities() {
        return allowedEntities == null;
    }

    /** ENTITY_CFO: its entities; others: empty (meaning all). */
    public List<String> allowedEntities() {
        return allowedEntities == null ? List.of() : allowedEntities;
    }

    /** COLLECTOR: its collector id; others: null. */
    public String ownCollector() {
        return ownCollector;
    }

    /** Debtor-level rows (worklists, promises, per-debtor balances): all roles but ANALYST. */
    public boolean debtorLevelAllowed() {
        return role != Role.ANALYST;
    }

    /** Debtor and collector names: all roles but ANALYST. */
    public boolean namesAllowed() {
        return role != Role.ANALYST;
    }

    /** 403 unless the caller has one of {@code roles}. */
    public void requireRole(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return;
            }
        }
        throw new OutOfScopeException("this data is not available to the " + role + " role");
    }

    /** 403 for ANALYST: debtor-level data. */
    public void requireDebtorLevel() {
        if (!debtorLevelAllowed()) {
            throw new OutOfScopeException("debtor-level data is not available to the " + role
                    + " role (aggregated metrics only)");
        }
    }

    /**
     * The effective entity filter for the requested {@code entity} values: an empty result means
     * no filter (every entity). ENTITY_CFO: its entities when none is requested; 403 for a
     * requested entity outside its list. Unknown entities: 404.
     */
    public List<String> entities(List<String> requested) {
        List<String> wanted = requested == null ? List.of() : requested;
        if (allowedEntities != null) {
            if (wanted.isEmpty()) {
                return allowedEntities;
            }
            for (String entity : wanted) {
                if (!allowedEntities.contains(entity)) {
                    throw new OutOfScopeException("entity " + entity + " is outside your scope (you may see: "
                            + String.join(", ", allowedEntities) + ")");
                }
            }
        }
        if (!wanted.isEmpty()) {
            Dimensions dims = dimensions.get();
            for (String entity : wanted) {
                if (!dims.entityExists(entity)) {
                    throw new NotFoundException("unknown entity " + entity);
                }
            }
        }
        return wanted;
    }

    /**
     * The effective collector filter for a requested {@code collector}: COLLECTOR gets its own
     * (403 if it asks for another one); others get the requested one (null = no filter), 404 if
     * unknown.
     */
    public String collector(String requested) {
        if (ownCollector != null) {
            if (requested != null && !requested.equals(ownCollector)) {
                throw new OutOfScopeException("collector " + requested + " is outside your scope (you are "
                        + ownCollector + ")");
            }
            return ownCollector;
        }
        if (requested != null && !dimensions.get().collectorExists(requested)) {
            throw new NotFoundException("unknown collector " + requested);
        }
        return requested;
    }

    /**
     * Access to one collector's own data (e.g. {@code /worklists/{collectorId}}): debtor-level,
     * so 403 for ANALYST; a COLLECTOR only its own; 404 if unknown.
     */
    public void requireCollector(String collectorId) {
        requireDebtorLevel();
        collector(collectorId);
    }

    /**
     * Access to one debtor: 403 for ANALYST, for an ENTITY_CFO outside its entities, for a
     * COLLECTOR not assigned to it; 404 if unknown.
     */
    public DebtorRef requireDebtor(String debtorId) {
        requireDebtorLevel();
        DebtorRef debtor = dimensions.get().debtor(debtorId).orElse(null);
        if (debtor == null) {
            throw new NotFoundException("unknown debtor " + debtorId);
        }
        if (allowedEntities != null && !allowedEntities.contains(debtor.entityId())) {
            throw new OutOfScopeException("debtor " + debtorId + " is outside your scope");
        }
        if (ownCollector != null && !ownCollector.equals(debtor.collectorId())) {
            throw new OutOfScopeException("debtor " + debtorId + " is not in your portfolio");
        }
        return debtor;
    }

    /**
     * Adds the implicit scope filters to a list query: ENTITY_CFO → {@code entityColumn IN
     * (its entities)}; COLLECTOR → {@code collectorColumn = its id}. Pass null for a column the
     * table does not have; then a caller that needs that restriction gets 403 (a list must
     * never leak rows it cannot filter).
     */
    public SqlFilter restrict(SqlFilter where, String entityColumn, String collectorColumn) {
        if (allowedEntities != null) {
            if (entityColumn == null) {
                throw new OutOfScopeException("this data is not broken down by entity, so it is not available to the "
                        + role + " role");
            }
            where.in(entityColumn, allowedEntities.isEmpty() ? Set.of("\u0000none") : allowedEntities);
        }
        if (ownCollector != null) {
            if (collectorColumn == null) {
                throw new OutOfScopeException("this data is not broken down by collector, so it is not available to the "
                        + role + " role");
            }
            where.eq(collectorColumn, ownCollector);
        }
        return where;
    }

    @Override
    public String toString() {
        return "CallerScope[" + user + " " + role
                + (allowedEntities != null ? " entities=" + allowedEntities : "")
                + (ownCollector != null ? " collector=" + ownCollector : "") + "]";
    }
}
