package io.encours.analytics.aging;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.encours.analytics.cube.Cube;
import io.encours.analytics.cube.Dec;
import io.encours.analytics.cube.Periods;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Aged balance (balance âgée) of METRICS.md at each as_of: every open document's remaining(d)
 * (from {@code Documents.openBalances}) in a bucket of days past due {@code d − due_date}.
 * Written-off documents are gone from the date of their write-off; negative remainders
 * (overpayments, stand-alone credit notes) count in their bucket.
 */
public final class AgedBalance {
    /** The buckets, by days past due: ≤ 0, 1–30, 31–60, 61–90, 91–180, &gt; 180. */
    public static final List<String> BUCKETS = List.of("not_due", "days_1_30", "days_31_60", "days_61_90",
            "days_91_180", "over_180");
    /** Every additive figure of an aged balance row. */
    public static final List<String> MEASURES = List.of("not_due", "days_1_30", "days_31_60", "days_61_90",
            "days_91_180", "over_180", "total", "overdue", "in_dispute");
    /**
     * Components of open_overdue_age_days (METRICS.md, payment delays), over INVOICE documents
     * with due_date &lt; d and remaining &gt; 0: Σ remaining and Σ remaining × (d − due_date).
     */
    public static final List<String> LATE_COMPONENTS = List.of("late_remaining_eur", "late_remaining_eur_days");

    private AgedBalance() {
    }

    /**
     * One row per as_of and debtor with an open document: {@code as_of, debtor_id, entity_id,
     * segment, collector_id}, the {@link #MEASURES} and the {@link #LATE_COMPONENTS}. Exact
     * sums of remaining_eur at as_of. AR(d) is {@code total}, CurrentAR(d) is {@code not_due}.
     */
    public static Dataset<Row> debtorBalances(Dataset<Row> openBalances) {
        Column dpd = col("days_past_due");
        Column rem = col("remaining_eur");
        List<Column> aggs = new ArrayList<>();
        aggs.add(bucket(dpd.leq(0), "not_due"));
        aggs.add(bucket(dpd.between(1, 30), "days_1_30"));
        aggs.add(bucket(dpd.between(31, 60), "days_31_60"));
        aggs.add(bucket(dpd.between(61, 90), "days_61_90"));
        aggs.add(bucket(dpd.between(91, 180), "days_91_180"));
        aggs.add(bucket(dpd.gt(180), "over_180"));
        aggs.add(sum(rem).as("total"));
        aggs.add(bucket(dpd.gt(0), "overdue"));
        aggs.add(bucket(col("in_dispute"), "in_dispute"));
        Column late = col("document_type").equalTo("INVOICE").and(dpd.gt(0)).and(rem.gt(0));
        aggs.add(bucket(late, "late_remaining_eur"));
        aggs.add(sum(when(late, Dec.times(rem, dpd))).as("late_remaining_eur_days"));
        List<Column> out = new ArrayList<>(List.of(col("as_of"), col("debtor_id"), col("entity_id"), col("segment"),
                col("collector_id")));
        MEASURES.forEach(m -> out.add(coalesce(col(m), Dec.zero()).as(m)));
        LATE_COMPONENTS.forEach(m -> out.add(coalesce(col(m), Dec.zero()).as(m)));
        return openBalances
                .groupBy(col("as_of"), col("debtor_id"), col("entity_id"), col("segment"), col("collector_id"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .select(out.toArray(Column[]::new));
    }

    /** Σ remaining where the condition holds (null, not 0, elsewhere: no decimal addition of zeros). */
    private static Column bucket(Column condition, String name) {
        return sum(when(condition, col("remaining_eur"))).as(name);
    }

    /**
     * Table {@code fin_aged_balance_debtor}: {@code as_of, debtor_id, debtor_name, entity_id,
     * segment, collector_id} (the collector key: {@value Cube#UNASSIGNED} when none), then the
     * {@link #MEASURES}; only the dates of {@code dates} (column {@code as_of}).
     */
    public static Dataset<Row> debtorTable(Dataset<Row> debtorBalances, Dataset<Row> debtors, Dataset<Row> dates) {
        List<Column> out = new ArrayList<>(List.of(col("as_of"), Periods.MONTH.label(col("as_of")).as("period"),
                col("debtor_id"), col("debtor_name"),
                col("entity_id"), col("segment"), Cube.collectorKey(col("collector_id")).as("collector_id")));
        MEASURES.forEach(m -> out.add(col(m)));
        return debtorBalances.join(broadcast(dates), "as_of")
                .join(debtors.select(col("debtor_id"), col("name").as("debtor_name")), "debtor_id")
                .select(out.toArray(Column[]::new));
    }

    /**
     * The aged balance per as_of and cube cell ({@code as_of, entity_key, segment_key,
     * collector_key}, {@link #MEASURES}, {@link #LATE_COMPONENTS}), at every date of
     * {@code debtorBalances} (the opening date included).
     */
    public static Dataset<Row> cube(Dataset<Row> debtorBalances) {
        List<String> measures = new ArrayList<>(MEASURES);
        measures.addAll(LATE_COMPONENTS);
        return Cube.sum(debtorBalances, List.of("as_of"), measures);
    }

    /**
     * Table {@code fin_aged_balance}: the cube of the aged balance at the dates of
     * {@code dates}, with labels {@code entity_name} and {@code collector_name} (null for
     * {@value Cube#ALL}; "Unassigned" for {@value Cube#UNASSIGNED}).
     */
    public static Dataset<Row> cubeTable(Dataset<Row> cube, Dataset<Row> dates, Dataset<Row> entities,
            Dataset<Row> collectors) {
        Dataset<Row> entityNames = entities.select(col("entity_id").as("e_id"), col("name").as("entity_name"));
        Dataset<Row> collectorNames = collectors.select(col("collector_id").as("c_id"), col("name").as("c_name"));
        List<Column> out = new ArrayList<>(List.of(col("as_of"), Periods.MONTH.label(col("as_of")).as("period"),
                col(Cube.ENTITY_KEY), col(Cube.SEGMENT_KEY),
                col(Cube.COLLECTOR_KEY), col("entity_name"),
                when(col(Cube.COLLECTOR_KEY).equalTo(Cube.UNASSIGNED), lit("Unassigned"))
                        .otherwise(col("c_name")).as("collector_name")));
        MEASURES.forEach(m -> out.add(col(m)));
        return cube.join(broadcast(dates), "as_of")
                .join(broadcast(entityNames), col(Cube.ENTITY_KEY).equalTo(col("e_id")), "left")
                .join(broadcast(collectorNames), col(Cube.COLLECTOR_KEY).equalTo(col("c_id")), "left")
                .select(out.toArray(Column[]::new));
    }
}
