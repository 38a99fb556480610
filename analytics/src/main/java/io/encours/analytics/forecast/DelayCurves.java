package io.encours.analytics.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payment-behaviour model of the open-invoice component (docs/FORECAST.md): per segment, a
 * discrete-time survival curve of the payment delay δ = settle_date − due_date in days,
 * estimated Kaplan–Meier style from the invoices' histories as they were known at each as-of
 * date. Driver-side arithmetic on a small collected aggregate ({@link Cohort}s): no Spark here.
 *
 * <p>At as-of date a, an invoice issued ≤ a with due date D is at risk from its entry delay
 * (issue_date − D, i.e. it cannot pay before it exists) and counts as an event at δ if it
 * settled at D + δ ≤ a, otherwise as censored at its age a − D. Delays are clamped to
 * [{@value #MIN_DELAY}, {@value #MAX_DELAY}]: earlier payments count at {@value #MIN_DELAY};
 * a settlement more than {@value #MAX_DELAY} days late is censored at {@value #MAX_DELAY}, so
 * the survival left at {@value #MAX_DELAY} is the share expected to pay after a year or never.
 */
final class DelayCurves {
    /** First delay of the curves (a payment earlier than this counts at this delay). */
    static final int MIN_DELAY = -60;
    /** Last delay of the curves. */
    static final int MAX_DELAY = 365;
    /** Number of delays of a curve. */
    static final int SIZE = MAX_DELAY - MIN_DELAY + 1;
    /** Delay code of an invoice settled more than {@value #MAX_DELAY} days late. */
    static final int BEYOND = MAX_DELAY + 1;
    /** Delay code of an invoice not settled at T. */
    static final int NEVER = 9999;
    /** The debtor shift averages delays clipped to [−30, 180] (an outlier must not dominate it). */
    static final int SHIFT_CLIP_LOW = -30;
    static final int SHIFT_CLIP_HIGH = 180;
    /** Curve of every segment together: the fallback of a segment without history. */
    static final String ALL_SEGMENTS = "*";

    private DelayCurves() {
    }

    /**
     * Invoices sharing segment, due date, entry delay and delay: the aggregate collected from
     * Spark.
     *
     * @param dueDay due_date as an epoch day
     * @param entry issue_date − due_date, clamped to [{@value #MIN_DELAY}, 0]
     * @param delay settle_date − due_date clamped to [max(entry, {@value #MIN_DELAY}),
     *     {@value #BEYOND}], or {@value #NEVER} when not settled at T
     */
    record Cohort(String segment, int dueDay, int entry, int delay, long count) {
    }

    /**
     * The curve of one segment at one as-of date.
     *
     * @param survival survival[x − MIN_DELAY] = S(x) = P(δ > x), for x in [MIN_DELAY, MAX_DELAY]
     * @param atRisk invoices at risk at each delay (for diagnostics and the docs)
     * @param settled invoices settled by the as-of date (within the shift window)
     * @param meanDelay mean delay of the invoices settled by the as-of date (within the shift
     *     window: {@link ForecastConfig#shiftWindowDays}), each clipped to
     *     [{@value #SHIFT_CLIP_LOW}, {@value #SHIFT_CLIP_HIGH}] (0 when none)
     */
    record Curve(double[] survival, long[] atRisk, long settled, double meanDelay) {
        /** S(x) = P(δ > x): 1 before the curve starts, flat after it ends. */
        double survivalAfter(int x) {
            if (x < MIN_DELAY) {
                return 1.0;
            }
            return survival[Math.min(x, MAX_DELAY) - MIN_DELAY];
        }

        /**
         * P(δ = age + j | δ > age) for j = 1..days: the share of an open invoice of (shifted)
         * age {@code age} expected on each of the next {@code days} days. Zero once the curve
         * has no survival left at {@code age}.
         */
        double[] conditional(int age, int days) {
            double[] p = new double[days];
            double base = survivalAfter(age);
            if (base <= 0) {
                return p;
            }
            double previous = base;
            for (int j = 1; j <= days; j++) {
                int x = age + j;
                if (x > MAX_DELAY) {
                    break;
                }
                double s = survivalAfter(x);
                p[j - 1] = (previous - s) / base;
                previous = s;
            }
            return p;
        }

        /** P(paid within the next {@code days} days | unpaid at {@code age}). */
        double withinDays(int age, int days) {
            double base = survivalAfter(age);
            if (base <= 0) {
                return 0;
            }
            return (base - survivalAfter(age + days)) / base;
        }

        /**
         * The median day (1..days) of the payment given that it comes within {@code days}:
         * the first j whose cumulative probability reaches half of {@link #withinDays}; 0 when
         * nothing is expected within {@code days}.
         */
        int medianDay(int age, int days) {
            double within = withinDays(age, days);
            if (within <= 0) {
                return 0;
            }
            double base = survivalAfter(age);
            for (int j = 1; j <= days; j++) {
                if ((base - survivalAfter(age + j)) / base >= within / 2 - 1e-12) {
                    return j;
                }
            }
            return days;
        }
    }

    /**
     * The curves of every segment (and of all segments together, key {@value #ALL_SEGMENTS})
     * at every as-of date, each from the invoices as known at that date only.
     *
     * @param shiftWindowDays the segment mean delay counts the settlements of the last that
     *     many days up to the as-of date (0: all), like the debtor's in the shift
     */
    static Map<LocalDate, Map<String, Curve>> estimate(List<Cohort> cohorts, List<LocalDate> asOfDates,
            int shiftWindowDays) {
        Map<String, List<Cohort>> bySegment = new TreeMap<>();
        for (Cohort c : cohorts) {
            bySegment.computeIfAbsent(c.segment(), k -> new ArrayList<>()).add(c);
        }
        Map<LocalDate, Map<String, Curve>> result = new HashMap<>();
        for (LocalDate a : asOfDates) {
            Map<String, Curve> curves = new HashMap<>();
            Accumulator all = new Accumulator(shiftWindowDays);
            for (Map.Entry<String, List<Cohort>> e : bySegment.entrySet()) {
                Accumulator acc = new Accumulator(shiftWindowDays);
                for (Cohort c : e.getValue()) {
                    acc.add(c, a.toEpochDay());
                    all.add(c, a.toEpochDay());
                }
                curves.put(e.getKey(), acc.curve());
            }
            curves.put(ALL_SEGMENTS, all.curve());
            result.put(a, curves);
        }
        return result;
    }

    /** The curve to use for a segment: its own, or all segments' when it has no history. */
    static Curve of(Map<String, Curve> curves, String segment) {
        Curve own = curves.get(segment);
        if (own != null && hasObservations(own)) {
            return own;
        }
        return curves.get(ALL_SEGMENTS);
    }

    private static boolean hasObservations(Curve c) {
        for (long n : c.atRisk()) {
            if (n > 0) {
                return true;
            }
        }
        return false;
    }

    /** Counts at risk and events of one segment at one as-of date. */
    private static final class Accumulator {
        private final int shiftWindowDays;
        private final long[] entering = new long[SIZE + 1];
        private final long[] events = new long[SIZE];
        private long settled;
        private double clippedDelaySum;

        Accumulator(int shiftWindowDays) {
            this.shiftWindowDays = shiftWindowDays;
        }

        void add(Cohort c, long asOfDay) {
            if (c.dueDay() + (long) c.entry() > asOfDay) {
                return; // not issued yet at a
            }
            long observed = asOfDay - c.dueDay();
            boolean settledByA = c.delay() != NEVER && c.dueDay() + (long) c.delay() <= asOfDay;
            if (settledByA && (shiftWindowDays == 0 || c.dueDay() + (long) c.delay() > asOfDay - shiftWindowDays)) {
                settled += c.count();
                clippedDelaySum += (double) Math.max(SHIFT_CLIP_LOW, Math.min(SHIFT_CLIP_HIGH, c.delay()))
                        * c.count();
            }
            if (observed < c.entry()) {
                return; // only when the entry was clamped: not observed at any delay of the curve
            }
            int exit;
            if (settledByA && c.delay() <= MAX_DELAY) {
                events[c.delay() - MIN_DELAY] += c.count();
                exit = c.delay();
            } else {
                exit = (int) Math.min(observed, MAX_DELAY);
            }
            entering[c.entry() - MIN_DELAY] += c.count();
            entering[exit - MIN_DELAY + 1] -= c.count();
        }

        Curve curve() {
            double[] survival = new double[SIZE];
            long[] atRisk = new long[SIZE];
            long running = 0;
            double s = 1.0;
            for (int i = 0; i < SIZE; i++) {
                running += entering[i];
                atRisk[i] = running;
                if (running > 0) {
                    s *= 1.0 - (double) events[i] / running;
                }
                survival[i] = s;
            }
            return new Curve(survival, atRisk, settled, settled == 0 ? 0 : clippedDelaySum / settled);
        }
    }
}
