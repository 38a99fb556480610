package io.encours.analytics.forecast;

import static org.apache.spark.sql.functions.round;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Forecast amounts are estimates (exact amounts × probabilities computed in double): they are
 * published rounded to cents as DECIMAL(18,2), so that sums in SQL are exact sums of what is
 * shown and total = promised + invoices to the cent.
 */
final class Amounts {
    /** Type of every forecast amount. */
    static final DataType CENTS = DataTypes.createDecimalType(18, 2);

    private Amounts() {
    }

    /** A double column rounded half-up to cents. */
    static Column cents(Column value) {
        return round(value, 2).cast(CENTS);
    }

    /** A double rounded half-up to cents (NaN and infinities are not amounts: 0). */
    static BigDecimal cents(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
