package io.encours.analytics.cube;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/** Rows of a collected table, looked up by column values (test helper). */
public final class TableRows {
    private final String table;
    private final List<Row> rows;

    public TableRows(String table, List<Row> rows) {
        this.table = table;
        this.rows = rows;
    }

    public List<Row> all() {
        return rows;
    }

    /** Rows whose columns equal the given values: pairs column, value (dates as LocalDate or String). */
    public List<Row> where(Object... columnValues) {
        return rows.stream().filter(r -> matches(r, columnValues)).toList();
    }

    /** The one row matching; fails otherwise. */
    public Row one(Object... columnValues) {
        List<Row> found = where(columnValues);
        assertThat(found).as("%s rows where %s", table, java.util.Arrays.toString(columnValues)).hasSize(1);
        return found.get(0);
    }

    /** A cube cell's row: entity_key, segment_key, collector_key, then more pairs. */
    public Row cell(String entity, String segment, String collector, Object... more) {
        Object[] all = new Object[6 + more.length];
        all[0] = "entity_key";
        all[1] = entity;
        all[2] = "segment_key";
        all[3] = segment;
        all[4] = "collector_key";
        all[5] = collector;
        System.arraycopy(more, 0, all, 6, more.length);
        return one(all);
    }

    public static BigDecimal dec(Row r, String column) {
        return r.isNullAt(r.fieldIndex(column)) ? null : r.getDecimal(r.fieldIndex(column));
    }

    public static Object value(Row r, String column) {
        return r.get(r.fieldIndex(column));
    }

    private static boolean matches(Row r, Object[] columnValues) {
        for (int i = 0; i < columnValues.length; i += 2) {
            Object actual = r.get(r.fieldIndex((String) columnValues[i]));
            Object expected = columnValues[i + 1];
            if (actual instanceof java.sql.Date d) {
                actual = d.toLocalDate().toString();
            }
            if (expected instanceof java.time.LocalDate d) {
                expected = d.toString();
            }
            if (!Objects.equals(actual == null ? null : actual.toString(), expected == null ? null : expected.toString())) {
                return false;
            }
        }
        return true;
    }
}
