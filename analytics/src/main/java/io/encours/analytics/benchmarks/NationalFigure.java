package io.encours.analytics.benchmarks;

import io.encours.analytics.cube.Periods;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published national figure (a row of {@code benchmarks/national-benchmarks.csv}).
 *
 * @param family {@link #DELAY} (retards: Altares, Ellisphere) or {@link #DSO} (délais:
 *     Banque de France / ODP): never mixed in one series
 * @param period {@code 2023}, {@code 2024-H1} or {@code 2025-Q2}
 * @param granularity YEAR, HALF or QUARTER, from the period
 * @param scopeType {@code ALL}, {@code SIZE}, {@code SECTOR}, {@code OWNERSHIP} or {@code EUROPE}
 * @param scope what the figure covers, in words
 * @param comparableSegment the debtor segment whose delay the figure is comparable to (a size
 *     class of paying companies), or null
 * @param valueDays the published value, in days
 * @param source the publication
 * @param definition how the publisher defines the figure
 * @param note remarks on the figure (approximation, reading), or null
 */
public record NationalFigure(String family, String period, Periods granularity, String scopeType, String scope,
        String comparableSegment, BigDecimal valueDays, String source, String definition, String note) {
    public static final String DELAY = "DELAY";
    public static final String DSO = "DSO";
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(H|Q)(\\d))?");

    public NationalFigure {
        if (!DELAY.equals(family) && !DSO.equals(family)) {
            throw new IllegalArgumentException("unknown benchmark family " + family);
        }
        if (granularity != granularityOf(period)) {
            throw new IllegalArgumentException("period " + period + " is not of granularity " + granularity);
        }
        first(period); // validates the period number
    }

    /** Granularity of a period label. */
    public static Periods granularityOf(String period) {
        Matcher m = matcher(period);
        if (m.group(2) == null) {
            return Periods.YEAR;
        }
        return m.group(2).equals("H") ? Periods.HALF : Periods.QUARTER;
    }

    public LocalDate periodStart() {
        return first(period);
    }

    public LocalDate periodEnd() {
        return granularity.end(periodStart());
    }

    private static LocalDate first(String period) {
        Matcher m = matcher(period);
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return LocalDate.of(year, 1, 1);
        }
        int n = Integer.parseInt(m.group(3));
        int months = m.group(2).equals("H") ? 6 : 3;
        if (n < 1 || n > 12 / months) {
            throw new IllegalArgumentException("bad benchmark period " + period);
        }
        return LocalDate.of(year, (n - 1) * months + 1, 1);
    }

    private static Matcher matcher(String period) {
        Matcher m = PERIOD.matcher(period == null ? "" : period);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad benchmark period " + period);
        }
        return m;
    }
}
