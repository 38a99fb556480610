package io.encours.samples.ledger;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws invoice issue dates over the history window: business days only, with the French
 * B2B sales pattern (an August dip, a December peak, a softer May full of bank holidays) and a
 * slight growth trend, so monthly sales are not flat.
 */
public final class Seasonality {
    /** Relative sales by calendar month, January first. */
    static final double[] MONTH_WEIGHT =
        {0.96, 0.97, 1.07, 1.00, 0.94, 1.06, 0.97, 0.55, 1.05, 1.08, 1.05, 1.30};
    /** Yearly growth of sales volume. */
    static final double GROWTH_PER_YEAR = 0.04;

    private final int start;
    private final double[] cumulative;

    public Seasonality(int start, int end) {
        if (end < start) {
            throw new IllegalArgumentException("empty window");
        }
        this.start = start;
        this.cumulative = new double[end - start + 1];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            int day = start + i;
            if (Days.isBusinessDay(day)) {
                LocalDate date = Days.date(day);
                sum += MONTH_WEIGHT[date.getMonthValue() - 1] * (1 + GROWTH_PER_YEAR * i / 365.0);
            }
            cumulative[i] = sum;
        }
    }

    /** Share of the window's sales weight that falls within [from, to], both clamped. */
    public double weight(int from, int to) {
        int lo = Math.max(from, start) - start;
        int hi = Math.min(to, start + cumulative.length - 1) - start;
        if (hi < lo) {
            return 0;
        }
        return (cumulative[hi] - (lo > 0 ? cumulative[lo - 1] : 0)) / cumulative[cumulative.length - 1];
    }

    /** A business day in [from, to] (clamped to the window), drawn by sales weight. */
    public int sample(SplittableRandom rng, int from, int to) {
        int lo = Math.max(from, start) - start;
        int hi = Math.min(to, start + cumulative.length - 1) - start;
        if (hi < lo) {
            return Math.max(from, start);
        }
        double base = lo > 0 ? cumulative[lo - 1] : 0;
        double total = cumulative[hi] - base;
        if (total <= 0) {
            return start + lo;
        }
        double u = base + rng.nextDouble() * total;
        int a = lo;
        int b = hi;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (cumulative[mid] > u) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        return start + a;
    }
}
