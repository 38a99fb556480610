package io.encours.analytics.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Collects a small result to the driver in a fixed order. The forecast adds doubles on the
 * driver, and a double sum depends on the order of its terms: rows in partition order would
 * give a cluster run figures that differ from a local run's in the last bits.
 */
final class Collected {
    private static final Comparator<Row> ALL_FIELDS = Collected::compare;

    private Collected() {
    }

    static List<Row> inOrder(Dataset<Row> rows) {
        List<Row> list = new ArrayList<>(rows.collectAsList());
        list.sort(ALL_FIELDS);
        return list;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // same column, same comparable type on both sides
    private static int compare(Row a, Row b) {
        for (int i = 0; i < a.length(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c = x == null ? (y == null ? 0 : -1)
                    : y == null ? 1
                    : x instanceof Comparable comparable ? comparable.compareTo(y)
                    : String.valueOf(x).compareTo(String.valueOf(y)); // nested values: any fixed order
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
