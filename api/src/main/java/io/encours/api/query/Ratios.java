package io.encours.api.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The divisions of the documented re-aggregation over several entities (financial.md "Several
 * entities"): exact decimal sums divided once, half-up at the 10th decimal as the analytics
 * publishes its ratios; null when the denominator is 0 (or null).
 */
public final class Ratios {

    private static final int SCALE = 10;

    private Ratios() {
    }

    /** numerator / denominator; null when the denominator is 0 or either is null. */
    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    /** numerator × factor / denominator; null when the denominator is 0. */
    public static BigDecimal scaled(BigDecimal numerator, long factor, BigDecimal denominator) {
        return numerator == null ? null : divide(numerator.multiply(BigDecimal.valueOf(factor)), denominator);
    }

    /** numerator × factor / denominator, null unless the denominator is positive (DSO: sales ≤ 0). */
    public static BigDecimal scaledIfPositive(BigDecimal numerator, long factor, BigDecimal denominator) {
        return denominator == null || denominator.signum() <= 0 ? null : scaled(numerator, factor, denominator);
    }

    public static BigDecimal divide(long numerator, long denominator) {
        return divide(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
