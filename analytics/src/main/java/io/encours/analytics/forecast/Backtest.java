package io.encours.analytics.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Backtest arithmetic on the driver (docs/FORECAST.md): sums of the daily figures of each cutoff
 * over periods of the horizon (horizon weeks, or the day offsets of T's calendar months), WAPE of
 * the model and of the naive baseline per period and overall, and the calibration of the
 * low/high range from the actual/forecast ratios of the cutoffs, with its leave-one-out
 * coverage.
 */
final class Backtest {
    /** A cell needs this many usable ratios (forecast > 0) in a period for a range of its own. */
    static final int MIN_RATIOS = 8;
    /** Tolerance of the coverage test (floating sums of cents). */
    private static final double EPS = 0.005;

    private Backtest() {
    }

    /** Multipliers of the forecast giving the low and high ends of the range. */
    record Band(double low, double high) {
        static final Band NONE = new Band(Double.NaN, Double.NaN);

        boolean isDefined() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }

        boolean covers(double actual, double forecast) {
            return isDefined() && actual >= forecast * low - EPS && actual <= forecast * high + EPS;
        }
    }

    /**
     * Periods of a horizon as 0-based day indices (day index d = as_of + d + 1), inclusive.
     *
     * @param start first day index of each period
     * @param end last day index of each period
     */
    record Periods(int[] start, int[] end) {
        int count() {
            return start.length;
        }

        /** Horizon weeks: days 7w … 7w + 6. */
        static Periods weeks(int weeks) {
            int[] s = new int[weeks];
            int[] e = new int[weeks];
            for (int w = 0; w < weeks; w++) {
                s[w] = 7 * w;
                e[w] = 7 * w + 6;
            }
            return new Periods(s, e);
        }

        /**
         * The calendar months of the horizon T + 1 … T + days as day indices from T (the first
         * and last may be partial). The backtest measures the same day indices from each cutoff.
         */
        static Periods months(LocalDate t, int days) {
            List<int[]> blocks = new ArrayList<>();
            int d = 0;
            while (d < days) {
                LocalDate day = t.plusDays(d + 1L);
                LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
                int last = (int) Math.min(days - 1, d + (monthEnd.toEpochDay() - day.toEpochDay()));
                blocks.add(new int[] {d, last});
                d = last + 1;
            }
            return new Periods(blocks.stream().mapToInt(b -> b[0]).toArray(), blocks.stream().mapToInt(b -> b[1]).toArray());
        }

        /** These periods cut at {@code days} days (for a backtest horizon shorter than the forecast). */
        Periods within(int days) {
            List<int[]> blocks = new ArrayList<>();
            for (int p = 0; p < count(); p++) {
                if (start[p] < days) {
                    blocks.add(new int[] {start[p], Math.min(end[p], days - 1)});
                }
            }
            return new Periods(blocks.stream().mapToInt(b -> b[0]).toArray(), blocks.stream().mapToInt(b -> b[1]).toArray());
        }
    }

    /**
     * Figures of the cutoffs of one cell per period: [cutoff][period].
     *
     * @param actual cash received in the period on documents issued by the cutoff
     * @param forecast the model: promises + invoices
     * @param baseline every open invoice's remaining on max(due_date, cutoff + 1)
     */
    record Table(double[][] actual, double[][] forecast, double[][] baseline) {
        int cutoffs() {
            return actual.length;
        }

        int periods() {
            return actual.length == 0 ? 0 : actual[0].length;
        }

        static Table of(ForecastRun.Series s, int cutoffs, Periods periods) {
            int n = periods.count();
            double[][] a = new double[cutoffs][n];
            double[][] f = new double[cutoffs][n];
            double[][] b = new double[cutoffs][n];
            for (int i = 0; i < cutoffs; i++) {
                for (int p = 0; p < n; p++) {
                    for (int d = periods.start()[p]; d <= periods.end()[p]; d++) {
                        a[i][p] += s.actual[i][d];
                        f[i][p] += s.forecast(i, d);
                        b[i][p] += s.baseline[i][d];
                    }
                }
            }
            return new Table(a, f, b);
        }
    }

    /** Σ |actual − forecast| / Σ actual; NaN when Σ actual is 0. */
    static double wape(double[] actual, double[] forecast) {
        double error = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            error += Math.abs(actual[i] - forecast[i]);
            total += actual[i];
        }
        return total == 0 ? Double.NaN : error / total;
    }

    /** Column p of a [cutoff][period] table. */
    static double[] column(double[][] table, int p) {
        double[] column = new double[table.length];
        for (int i = 0; i < table.length; i++) {
            column[i] = table[i][p];
        }
        return column;
    }

    /** All cells of a [cutoff][period] table, row by row. */
    static double[] flat(double[][] table) {
        return Arrays.stream(table).flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * The p-quantile of sorted values with the (n + 1)p plotting position (Hyndman–Fan type 6),
     * interpolated, clamped to the extremes: a new value exchangeable with the n falls between
     * the (1 − level)/2 and (1 + level)/2 quantiles with probability level.
     */
    static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n + 1) * p;
        if (h <= 1) {
            return sorted[0];
        }
        if (h >= n) {
            return sorted[n - 1];
        }
        int lo = (int) Math.floor(h);
        return sorted[lo - 1] + (h - lo) * (sorted[lo] - sorted[lo - 1]);
    }

    /**
     * The band of a period from the actual/forecast ratios of the cutoffs whose forecast is
     * positive, leaving out cutoff {@code leftOut} (−1: none); {@link Band#NONE} when fewer than
     * {@link #MIN_RATIOS} ratios remain.
     */
    static Band band(double[] actual, double[] forecast, int leftOut, double level) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            if (i != leftOut && forecast[i] > 0) {
                ratios.add(actual[i] / forecast[i]);
            }
        }
        if (ratios.size() < MIN_RATIOS) {
            return Band.NONE;
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Band(quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2));
    }

    /**
     * The backtest of one cell over some periods.
     *
     * @param bands the range of each period from every cutoff (what T's range uses)
     * @param looBands [cutoff][period]: the band of the period without that cutoff
     */
    record Result(Table table, Band[] bands, Band[][] looBands) {
        /** Share of the cutoffs whose actual fell inside their leave-one-out range, in period p. */
        double coverage(int p) {
            int covered = 0;
            for (int i = 0; i < table.cutoffs(); i++) {
                if (looBands[i][p].covers(table.actual()[i][p], table.forecast()[i][p])) {
                    covered++;
                }
            }
            return table.cutoffs() == 0 ? Double.NaN : (double) covered / table.cutoffs();
        }

        /** Coverage over every cutoff and period. */
        double coverage() {
            double sum = 0;
            for (int p = 0; p < table.periods(); p++) {
                sum += coverage(p);
            }
            return sum / table.periods();
        }

        double wape(int p) {
            return Backtest.wape(column(table.actual(), p), column(table.forecast(), p));
        }

        double baselineWape(int p) {
            return Backtest.wape(column(table.actual(), p), column(table.baseline(), p));
        }

        double wape() {
            return Backtest.wape(flat(table.actual()), flat(table.forecast()));
        }

        double baselineWape() {
            return Backtest.wape(flat(table.actual()), flat(table.baseline()));
        }

        /** The band of period p, or of the last period when p is beyond the backtest's periods. */
        Band bandOf(int p) {
            return bands.length == 0 ? Band.NONE : bands[Math.min(p, bands.length - 1)];
        }
    }

    /**
     * Evaluates one cell. A period with too few usable ratios takes its bands from
     * {@code fallback} (the whole group's result over the same periods), or has none when that
     * is null.
     */
    static Result evaluate(Table table, double level, Result fallback) {
        int n = table.cutoffs();
        int periods = table.periods();
        Band[] bands = new Band[periods];
        Band[][] loo = new Band[n][periods];
        for (int p = 0; p < periods; p++) {
            double[] a = column(table.actual(), p);
            double[] f = column(table.forecast(), p);
            Band own = band(a, f, -1, level);
            bands[p] = own.isDefined() || fallback == null ? own : fallback.bands()[p];
            for (int i = 0; i < n; i++) {
                Band b = band(a, f, i, level);
                loo[i][p] = b.isDefined() || fallback == null ? b : fallback.looBands()[i][p];
            }
        }
        return new Result(table, bands, loo);
    }
}
