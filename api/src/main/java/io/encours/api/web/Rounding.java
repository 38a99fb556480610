package io.encours.api.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding used at serialisation: half-up on the decimal value (1.005 → 1.01, not 1.00). */
public final class Rounding {

    private Rounding() {
    }

    public static BigDecimal round(Number value, int decimals) {
        BigDecimal decimal = value instanceof BigDecimal b ? b
                : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(value.doubleValue())
                : new BigDecimal(value.toString());
        return decimal.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Amounts in EUR: cents. */
    public static BigDecimal cents(Number value) {
        return round(value, 2);
    }

    /** Day figures (DSO, delays): 2 decimals. */
    public static BigDecimal days(Number value) {
        return round(value, 2);
    }
}
