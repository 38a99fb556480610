package io.encours.api.web.params;

import io.encours.api.web.error.BadParameterException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parsing and checks of request parameters for parameters taken as text; each failure is a
 * {@link BadParameterException} (400) that names the parameter and what is allowed. Typed
 * {@code @RequestParam}s (YearMonth, enums, int) get the same messages from the error handler.
 */
public final class Params {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private Params() {
    }

    /** {@code YYYY-MM}; null or blank → null. */
    public static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (MONTH.matcher(v).matches()) {
            try {
                return YearMonth.parse(v);
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw new BadParameterException(name, name + " must be a month YYYY-MM (e.g. 2025-06), got '" + value + "'");
    }

    /** An enum value, case-insensitive; null or blank → {@code defaultValue}. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, E defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        E match = EnumParamConverterFactory.match(type, value.trim());
        if (match == null) {
            throw new BadParameterException(name, name + " must be one of " + allowed(type) + ", got '" + value + "'");
        }
        return match;
    }

    /** The allowed values of an enum parameter, as the API spells them: {@code a|b|c}. */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("|"));
    }

    /**
     * A repeatable id parameter ({@code entity=A&entity=B} or {@code entity=A,B}): trimmed,
     * de-duplicated, each a plain id; null or empty → empty list (no filter).
     */
    public static List<String> ids(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String id = part.trim();
                if (id.isEmpty()) {
                    continue;
                }
                out.add(id(name, id));
            }
        }
        return new ArrayList<>(out);
    }

    /** A single id (collector, debtor …): letters, digits, {@code _ . : -}, at most 64. */
    public static String id(String name, String value) {
        if (value == null) {
            return null;
        }
        String id = value.trim();
        if (!ID.matcher(id).matches()) {
            throw new BadParameterException(name, name + " must be an id (letters, digits, _ . : -, at most 64), got '"
                    + value + "'");
        }
        return id;
    }

    /** An int within bounds (e.g. {@code window}, {@code horizon}). */
    public static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadParameterException(name, name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
