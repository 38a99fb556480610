package io.encours.analytics.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the cash forecast and its backtest (docs/FORECAST.md).
 *
 * @param horizonDays H: the forecast covers T + 1 … T + H (METRICS.md default 90)
 * @param backtestCutoffs number of weekly backtest cutoffs (METRICS.md: at least 26 weeks)
 * @param backtestWeeks horizon of each backtest forecast, in weeks (13); the cutoffs are the
 *     last {@code backtestCutoffs} weekly dates whose whole horizon is observed:
 *     c_k = T − 7k for k = backtestWeeks … backtestWeeks + backtestCutoffs − 1
 * @param promiseGraceDays days after promised_date during which payments still count (3)
 * @param shrinkageK weight k of the segment in the debtor's delay shift n / (n + k) (5)
 * @param rangeLevel level of the low/high range (0.8 = an 80 % interval)
 * @param shiftWindowDays the debtor shift (and the segment mean it is compared with) counts the
 *     invoices settled in the last that many days before the as-of date; 0 = all history
 */
public record ForecastConfig(int horizonDays, int backtestCutoffs, int backtestWeeks, int promiseGraceDays,
        double shrinkageK, double rangeLevel, int shiftWindowDays) {
    public static final int DEFAULT_HORIZON_DAYS = 90;
    public static final int DEFAULT_BACKTEST_CUTOFFS = 26;
    public static final int DEFAULT_BACKTEST_WEEKS = 13;
    public static final int DEFAULT_PROMISE_GRACE_DAYS = 3;
    public static final double DEFAULT_SHRINKAGE_K = 5;
    public static final double DEFAULT_RANGE_LEVEL = 0.8;
    public static final int DEFAULT_SHIFT_WINDOW_DAYS = 182;
    /** Longest horizon accepted: the delay curves stop at one year. */
    public static final int MAX_HORIZON_DAYS = 366;

    public ForecastConfig {
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("horizon days must be within 1.." + MAX_HORIZON_DAYS + ", got "
                    + horizonDays);
        }
        if (backtestCutoffs < 2 || backtestCutoffs > 260) {
            throw new IllegalArgumentException("backtest cutoffs must be within 2..260, got " + backtestCutoffs);
        }
        if (backtestWeeks < 1 || backtestWeeks > 52) {
            throw new IllegalArgumentException("backtest weeks must be within 1..52, got " + backtestWeeks);
        }
        if (promiseGraceDays < 0 || promiseGraceDays > 60) {
            throw new IllegalArgumentException("promise grace days must be within 0..60, got " + promiseGraceDays);
        }
        if (!(shrinkageK >= 0) || Double.isInfinite(shrinkageK)) {
            throw new IllegalArgumentException("shrinkage k must be a finite number ≥ 0, got " + shrinkageK);
        }
        if (!(rangeLevel > 0 && rangeLevel < 1)) {
            throw new IllegalArgumentException("range level must be strictly between 0 and 1, got " + rangeLevel);
        }
        if (shiftWindowDays < 0 || shiftWindowDays > 3660) {
            throw new IllegalArgumentException("shift window days must be within 0..3660 (0 = all), got "
                    + shiftWindowDays);
        }
    }

    /**
     * The documented defaults: 90 days, 26 cutoffs, 13 weeks, 3 days of grace, k = 5, 80 %,
     * a shift over the last 182 days.
     */
    public static ForecastConfig defaults() {
        return new ForecastConfig(DEFAULT_HORIZON_DAYS, DEFAULT_BACKTEST_CUTOFFS, DEFAULT_BACKTEST_WEEKS,
                DEFAULT_PROMISE_GRACE_DAYS, DEFAULT_SHRINKAGE_K, DEFAULT_RANGE_LEVEL, DEFAULT_SHIFT_WINDOW_DAYS);
    }

    /** The same settings with another shift window (0 = all history). */
    public ForecastConfig withShiftWindowDays(int days) {
        return new ForecastConfig(horizonDays, backtestCutoffs, backtestWeeks, promiseGraceDays, shrinkageK, rangeLevel,
                days);
    }

    /** Days each as-of date is forecast for: enough for the published horizon and the backtest. */
    public int computedDays() {
        return Math.max(horizonDays, 7 * backtestWeeks);
    }

    /** The backtest cutoffs, oldest first: T − 7k for k = weeks + cutoffs − 1 down to weeks. */
    public List<LocalDate> cutoffs(LocalDate snapshotDate) {
        List<LocalDate> result = new ArrayList<>();
        for (int k = backtestWeeks + backtestCutoffs - 1; k >= backtestWeeks; k--) {
            result.add(snapshotDate.minusDays(7L * k));
        }
        return result;
    }

    /** Every date the forecast is computed at: the cutoffs (oldest first), then T. */
    public List<LocalDate> asOfDates(LocalDate snapshotDate) {
        List<LocalDate> result = new ArrayList<>(cutoffs(snapshotDate));
        result.add(snapshotDate);
        return List.copyOf(result);
    }
}
