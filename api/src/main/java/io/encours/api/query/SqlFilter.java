package io.encours.api.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the optional conditions of a query with bound parameters only. Column names are
 * constants from the feature's {@code *Queries} class (checked to be plain identifiers); values
 * are always bound as {@code ?}. A null value or an empty collection adds no condition.
 *
 * <pre>{@code
 * SqlFilter where = SqlFilter.create()
 *         .in("entity_id", scope.entities(entity))
 *         .eq("segment", segment)
 *         .between("month", range.fromKey(), range.toKey());
 * List<Row> rows = snapshot.list(where.applyTo(AgedQueries.ROWS), Row.class, where.params());
 * }</pre>
 */
public final class SqlFilter {

    /** The marker a query template holds where the conditions go. */
    public static final String WHERE = "{where}";
    /** The marker for conditions appended to a template's own WHERE: {@code WHERE x AND {and}}. */
    public static final String AND = "{and}";

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public static SqlFilter create() {
        return new SqlFilter();
    }

    public SqlFilter eq(String column, Object value) {
        if (value != null) {
            conditions.add(column(column) + " = ?");
            params.add(bindable(value));
        }
        return this;
    }

    public SqlFilter in(String column, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            conditions.add(column(column) + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
            values.forEach(v -> params.add(bindable(v)));
        }
        return this;
    }

    /** {@code column >= from AND column <= to}; either bound may be null (open). */
    public SqlFilter between(String column, Object from, Object to) {
        if (from != null) {
            conditions.add(column(column) + " >= ?");
            params.add(bindable(from));
        }
        if (to != null) {
            conditions.add(column(column) + " <= ?");
            params.add(bindable(to));
        }
        return this;
    }

    /** A condition written in the code, with its own {@code ?} parameters. */
    public SqlFilter condition(String sql, Object... values) {
        long marks = sql.chars().filter(c -> c == '?').count();
        if (marks != values.length) {
            throw new IllegalArgumentException("condition has " + marks + " '?' but " + values.length + " value(s)");
        }
        conditions.add("(" + sql + ")");
        for (Object v : values) {
            params.add(bindable(v));
        }
        return this;
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** {@code WHERE a AND b}, or "" without conditions. */
    public String whereClause() {
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    }

    /** {@code a AND b}, or {@code TRUE} without conditions (for a template with its own WHERE). */
    public String andClause() {
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /** Replaces {@link #WHERE} or {@link #AND} in {@code template} (exactly one must be there). */
    public String applyTo(String template) {
        boolean where = template.contains(WHERE);
        boolean and = template.contains(AND);
        if (where == and) {
            throw new IllegalArgumentException("the query must hold exactly one of " + WHERE + " or " + AND);
        }
        return where ? template.replace(WHERE, whereClause()) : template.replace(AND, andClause());
    }

    public Object[] params() {
        return params.toArray();
    }

    private static String column(String column) {
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        return column;
    }

    private static Object bindable(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.time.YearMonth m) {
            return m.toString();
        }
        return value;
    }
}
