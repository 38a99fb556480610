package io.encours.analytics.cube;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The three filter dimensions of the financial metrics as a cube. A metric is computed over
 * the 8 grouping sets of (entity, segment, collector), and each row carries the key columns
 * {@code entity_key}, {@code segment_key}, {@code collector_key}: the id (segment code), or
 * {@value #ALL} for "all". A debtor without collector has collector key {@value #UNASSIGNED}:
 * it is counted in the group, entity and segment totals and has cells of its own. Key columns
 * are never null, so any combination of single filters is one equality lookup.
 *
 * <p>Measures are summed (exact decimals or counts): ratios are derived after the cube from
 * summed components, so the cube is one pre-aggregation at leaf grain plus one small grouping
 * sets aggregation.
 */
public final class Cube {
    /** Key value meaning "every value of the dimension". */
    public static final String ALL = "*";
    /** Collector key of debtors without a collector. */
    public static final String UNASSIGNED = "UNASSIGNED";
    public static final String ENTITY_KEY = "entity_key";
    public static final String SEGMENT_KEY = "segment_key";
    public static final String COLLECTOR_KEY = "collector_key";
    /** The key columns, in order. */
    public static final List<String> KEYS = List.of(ENTITY_KEY, SEGMENT_KEY, COLLECTOR_KEY);

    private Cube() {
    }

    /** The collector key of a debtor's collector_id: the id, or {@value #UNASSIGNED}. */
    public static Column collectorKey(Column collectorId) {
        return coalesce(collectorId, lit(UNASSIGNED));
    }

    /**
     * Adds the leaf keys (never {@value #ALL}) from the debtor dimension columns
     * {@code entity_id, segment, collector_id} of {@code facts}.
     */
    public static Dataset<Row> withLeafKeys(Dataset<Row> facts) {
        return facts.withColumn(ENTITY_KEY, col("entity_id"))
                .withColumn(SEGMENT_KEY, col("segment"))
                .withColumn(COLLECTOR_KEY, collectorKey(col("collector_id")));
    }

    /**
     * Sums {@code measures} of {@code facts} per {@code keys} (e.g. {@code as_of}, always
     * grouped) and per each of the 8 combinations of the cube dimensions. {@code facts} holds
     * either the debtor dimension columns {@code entity_id, segment, collector_id} or the leaf
     * keys already. Returns {@code keys, entity_key, segment_key, collector_key, measures}.
     */
    public static Dataset<Row> sum(Dataset<Row> facts, List<String> keys, List<String> measures) {
        Dataset<Row> leaf = List.of(facts.columns()).contains(ENTITY_KEY) ? facts : withLeafKeys(facts);
        List<Column> leafGroup = new ArrayList<>();
        keys.forEach(k -> leafGroup.add(col(k)));
        KEYS.forEach(k -> leafGroup.add(col(k)));
        Column[] aggs = sums(measures);
        Dataset<Row> preAggregated = leaf.groupBy(leafGroup.toArray(Column[]::new)).agg(aggs[0], tail(aggs));
        return groupingSets(preAggregated, keys, measures);
    }

    /**
     * Every cube cell that has at least one debtor: the 8 grouping sets over the debtors'
     * (entity, segment, collector). Columns {@code entity_key, segment_key, collector_key}.
     */
    public static Dataset<Row> cells(Dataset<Row> debtors) {
        Dataset<Row> leaf = withLeafKeys(debtors).select(ENTITY_KEY, SEGMENT_KEY, COLLECTOR_KEY)
                .distinct().withColumn("debtor_cells", lit(1L));
        return groupingSets(leaf, List.of(), List.of("debtor_cells")).drop("debtor_cells");
    }

    /** The 8 grouping sets over leaf-keyed rows; rolled-up keys become {@value #ALL}. */
    private static Dataset<Row> groupingSets(Dataset<Row> leaf, List<String> keys, List<String> measures) {
        List<scala.collection.immutable.Seq<Column>> sets = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            List<Column> set = new ArrayList<>();
            keys.forEach(k -> set.add(col(k)));
            for (int i = 0; i < 3; i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(col(KEYS.get(i)));
                }
            }
            sets.add(CollectionConverters.asScala(set).toList());
        }
        List<Column> all = new ArrayList<>();
        keys.forEach(k -> all.add(col(k)));
        KEYS.forEach(k -> all.add(col(k)));
        Column[] aggs = sums(measures);
        Dataset<Row> cube = leaf.groupingSets(CollectionConverters.asScala(sets).toList(), all.toArray(Column[]::new))
                .agg(aggs[0], tail(aggs));
        List<Column> out = new ArrayList<>();
        keys.forEach(k -> out.add(col(k)));
        KEYS.forEach(k -> out.add(coalesce(col(k), lit(ALL)).as(k)));
        measures.forEach(m -> out.add(col(m)));
        return cube.select(out.toArray(Column[]::new));
    }

    private static Column[] sums(List<String> measures) {
        return measures.stream().map(m -> org.apache.spark.sql.functions.sum(col(m)).as(m)).toArray(Column[]::new);
    }

    private static Column[] tail(Column[] columns) {
        Column[] rest = new Column[columns.length - 1];
        System.arraycopy(columns, 1, rest, 0, rest.length);
        return rest;
    }
}
