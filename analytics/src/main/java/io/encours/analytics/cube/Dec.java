package io.encours.analytics.cube;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.encours.ingestion.schema.SparkTypes;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Exact decimal arithmetic for the financial metrics. Spark reduces the scale of a decimal
 * product or quotient to 6 digits when its precision would pass 38; these helpers cast the
 * operands first so that products stay exact and quotients keep 10 decimals.
 *
 * <ul>
 *   <li>amounts: {@link #EUR} DECIMAL(38,10), exact, as produced by ingestion;</li>
 *   <li>products amount × days: {@link #times}, exact DECIMAL(38,10) (operands limited to
 *       18 integer digits: an overflow fails loudly under ANSI mode, never rounds);</li>
 *   <li>ratios (days, rates, percentages): {@link #div}, DECIMAL(38,10) rounded half-up at the
 *       10th decimal, null when the denominator is 0 or null.</li>
 * </ul>
 */
public final class Dec {
    /** Exact EUR amounts. */
    public static final DataType EUR = SparkTypes.EUR;
    /** Type of every ratio the tables hold (days, rates, percentages). */
    public static final DataType RATIO = DataTypes.createDecimalType(38, 10);
    /** Operand type: 18 integer digits, 10 decimals. */
    static final DataType OPERAND = DataTypes.createDecimalType(28, 10);
    /** Integer factor type (days, counts): a product OPERAND × FACTOR is DECIMAL(38,10), exact. */
    static final DataType FACTOR = DataTypes.createDecimalType(9, 0);

    private Dec() {
    }

    /** 0 as an exact EUR amount. */
    public static Column zero() {
        return lit(BigDecimal.ZERO).cast(EUR);
    }

    /** {@code amount} as an exact EUR amount (null stays null). */
    public static Column eur(Column amount) {
        return amount.cast(EUR);
    }

    /** amount × factor (an integer such as a number of days), exact. */
    public static Column times(Column amount, Column factor) {
        return amount.cast(OPERAND).multiply(factor.cast(FACTOR)).cast(EUR);
    }

    /**
     * a × b of two decimals (e.g. days × EUR): a limited to 10 integer digits, the product kept
     * with 9 decimals (not exact when both operands carry 10 decimals; used for derived
     * figures such as cash at stake, never for balances).
     */
    public static Column multiply(Column a, Column b) {
        return a.cast(DataTypes.createDecimalType(20, 10)).multiply(b.cast(OPERAND)).cast(EUR);
    }

    /** a + b + …, exact (no scale reduction; 18 integer digits per operand). */
    public static Column add(Column first, Column... others) {
        Column result = first.cast(OPERAND);
        for (Column c : others) {
            result = result.plus(c.cast(OPERAND));
        }
        return result.cast(EUR);
    }

    /** a − b, exact. */
    public static Column subtract(Column a, Column b) {
        return a.cast(OPERAND).minus(b.cast(OPERAND)).cast(EUR);
    }

    /** num / den with 10 decimals; null when den is 0 or null. */
    public static Column div(Column num, Column den) {
        return when(den.isNotNull().and(den.notEqual(lit(0))),
                num.cast(OPERAND).divide(den.cast(OPERAND))).cast(RATIO);
    }

    /** A literal ratio value (tests, constants). */
    public static Column ratio(String value) {
        return lit(new BigDecimal(value)).cast(RATIO);
    }
}
