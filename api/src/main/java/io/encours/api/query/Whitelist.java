package io.encours.api.query;

import io.encours.api.web.error.BadParameterException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the values a parameter may take (e.g. {@code sort=overdue|total}, {@code groupBy=...}) to
 * SQL fragments (column names, ORDER BY clauses) written in the code. User input only selects a
 * fragment; it never becomes SQL. An unknown value is a 400 naming the parameter and the choices.
 */
public final class Whitelist {

    private final String parameter;
    private final Map<String, String> fragments;

    private Whitelist(String parameter, Map<String, String> fragments) {
        this.parameter = parameter;
        this.fragments = fragments;
    }

    /** {@code entries}: value, fragment, value, fragment … in the order errors list them. */
    public static Whitelist of(String parameter, String... entries) {
        if (entries.length == 0 || entries.length % 2 != 0) {
            throw new IllegalArgumentException("value/fragment pairs expected");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put(entries[i], entries[i + 1]);
        }
        return new Whitelist(parameter, map);
    }

    /** The fragment for {@code value} (case-insensitive); {@code null} value → the first entry. */
    public String sql(String value) {
        if (value == null || value.isBlank()) {
            return fragments.values().iterator().next();
        }
        for (Map.Entry<String, String> e : fragments.entrySet()) {
            if (e.getKey().equalsIgnoreCase(value.trim())) {
                return e.getValue();
            }
        }
        throw new BadParameterException(parameter, parameter + " must be one of "
                + String.join("|", fragments.keySet()) + ", got '" + value + "'");
    }
}
