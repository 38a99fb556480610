package io.encours.api.web.params;

import io.encours.api.web.error.BadParameterException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The {@code from}/{@code to} months of a series, inclusive; either may be open (null). Declare
 * {@code @RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to}
 * (a malformed month is a 400 naming the parameter) and call {@link #of(YearMonth, YearMonth)}.
 */
public record MonthRange(YearMonth from, YearMonth to) {

    public static final MonthRange ALL = new MonthRange(null, null);

    public static MonthRange of(YearMonth from, YearMonth to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "from (" + from + ") is after to (" + to
                    + "): from must be on or before to");
        }
        return new MonthRange(from, to);
    }

    /** Parses {@code YYYY-MM} strings (for parameters taken as text); null/blank = open. */
    public static MonthRange parse(String from, String to) {
        return of(Params.month("from", from), Params.month("to", to));
    }

    public boolean contains(YearMonth month) {
        return (from == null || !month.isBefore(from)) && (to == null || !month.isAfter(to));
    }

    /** First day of {@code from}, or null. */
    public LocalDate fromDate() {
        return from == null ? null : from.atDay(1);
    }

    /** Last day of {@code to}, or null. */
    public LocalDate toDate() {
        return to == null ? null : to.atEndOfMonth();
    }

    /** {@code from} as {@code YYYY-MM}, or null. */
    public String fromKey() {
        return from == null ? null : from.toString();
    }

    /** {@code to} as {@code YYYY-MM}, or null. */
    public String toKey() {
        return to == null ? null : to.toString();
    }
}
