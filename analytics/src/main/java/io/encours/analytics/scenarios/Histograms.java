package io.encours.analytics.scenarios;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Exact medians from histograms of whole days: element i of the array counts the values equal
 * to i. Histograms add up element by element, so the median over any union of groups (a range
 * of months) is exact, which a median of medians is not.
 */
public final class Histograms {
    private Histograms() {
    }

    /**
     * The median of the values a histogram counts, METRICS.md style: the middle value for an odd
     * count, the mean of the two middle values for an even count; null when the count is 0.
     * With n the count, c the running sums of the histogram and v(k) the k-th smallest value
     * (1-based) = the number of running sums below k: median = (v(⌊(n+1)/2⌋) + v(⌊n/2⌋ + 1)) / 2.
     * No UDF: higher-order functions only (quadratic in the array length, which is the window
     * + 1, a few dozen at most).
     */
    public static Column median(Column histogram) {
        Column n = total(histogram);
        Column running = transform(histogram, (x, i) ->
                aggregate(slice(histogram, lit(1), i.plus(1)), lit(0L), (acc, y) -> acc.plus(y)));
        Column lower = valueAt(running, n.plus(1).divide(2).cast("long"));
        Column upper = valueAt(running, n.divide(2).cast("long").plus(1));
        return when(n.gt(0), lower.plus(upper).cast("double").divide(2.0));
    }

    /** Σ of the histogram's elements (the number of values it counts). */
    public static Column total(Column histogram) {
        return aggregate(histogram, lit(0L), (acc, x) -> acc.plus(x));
    }

    private static Column valueAt(Column running, Column k) {
        return size(filter(running, c -> c.lt(k)));
    }
}
