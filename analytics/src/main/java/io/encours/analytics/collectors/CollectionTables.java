package io.encours.analytics.collectors;

import io.encours.analytics.attribution.Attribution;
import io.encours.analytics.promises.Promises;
import io.encours.analytics.scenarios.ScenarioEffectiveness;
import io.encours.analytics.worklist.Worklist;
import io.encours.curated.CuratedSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The collection tables (docs/tables/collection.md): promises, attribution, scenario
 * effectiveness, collector performance, worklists. One entry point for the pipeline; every
 * table is a lazy Dataset ready to be written.
 */
public final class CollectionTables {
    public static final String PROMISE_STATUS = "promise_status";
    public static final String PROMISE_KEPT_RATES = "promise_kept_rates";
    public static final String PROMISE_SEGMENT_RATES = "promise_segment_rates";
    public static final String PROMISE_DEBTOR_STATS = "promise_debtor_stats";
    public static final String PAYMENT_ATTRIBUTION = "payment_attribution";
    public static final String SCENARIO_EFFECTIVENESS = "scenario_effectiveness";
    public static final String COLLECTOR_PERFORMANCE = "collector_performance";
    public static final String WORKLIST = "worklist";
    public static final String WORKLIST_LEGAL = "worklist_legal";

    private CollectionTables() {
    }

    /**
     * The tables, without materializing shared intermediates (each written table recomputes what
     * it needs). Prefer {@link #compute(SparkSession, CuratedSnapshot, Dataset, Dataset, Dataset,
     * int, int, UnaryOperator)} with a persisting {@code share} in a job.
     *
     * @param documents {@code Documents.documents}: not read by these metrics today (kept so
     *     the pipeline's call does not change if one needs it)
     * @param applications {@code Documents.applications}: likewise not read today
     * @param openBalancesAtT {@code Documents.openBalances} holding T (other as_of are ignored)
     */
    public static Map<String, Dataset<Row>> compute(SparkSession spark, CuratedSnapshot s, Dataset<Row> documents,
            Dataset<Row> applications, Dataset<Row> openBalancesAtT, int promiseGraceDays, int attributionWindowDays) {
        return compute(spark, s, documents, applications, openBalancesAtT, promiseGraceDays, attributionWindowDays,
                UnaryOperator.identity());
    }

    /**
     * Same, applying {@code share} (the pipeline's work folder, {@code WorkTables}; in tests
     * {@code Dataset::cache}) to the intermediates several tables read: promise status (6
     * tables), payment attribution (its table and the action facts), the action facts (scenario
     * effectiveness, collector performance; small), actionable debtors (worklist, legal list).
     * Without it, each written table recomputes them, attribution included. The caller releases
     * them after writing.
     */
    public static Map<String, Dataset<Row>> compute(SparkSession spark, CuratedSnapshot s, Dataset<Row> documents,
            Dataset<Row> applications, Dataset<Row> openBalancesAtT, int promiseGraceDays, int attributionWindowDays,
            UnaryOperator<Dataset<Row>> share) {
        Dataset<Row> status = share.apply(Promises.status(s, promiseGraceDays));
        Dataset<Row> segmentRates = Promises.segmentRates(status, s.debtors());
        Dataset<Row> attribution = share.apply(Attribution.payments(s, attributionWindowDays));
        Dataset<Row> facts = share.apply(Attribution.actionFacts(s.dunningActions(),
                Attribution.respondingActions(attribution), attributionWindowDays));
        Dataset<Row> actionable = share.apply(
                Worklist.actionableDebtors(openBalancesAtT, s.debtors(), s.snapshotDate()));

        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(PROMISE_STATUS, status);
        tables.put(PROMISE_KEPT_RATES, Promises.keptRates(status));
        tables.put(PROMISE_SEGMENT_RATES, segmentRates);
        tables.put(PROMISE_DEBTOR_STATS, Promises.debtorStats(status, segmentRates));
        tables.put(PAYMENT_ATTRIBUTION, attribution);
        tables.put(SCENARIO_EFFECTIVENESS, ScenarioEffectiveness.compute(s.scenarios(), facts,
                attributionWindowDays));
        tables.put(COLLECTOR_PERFORMANCE, CollectorPerformance.compute(s.collectors(), facts, status,
                s.snapshotDate()));
        tables.put(WORKLIST, Worklist.worklist(actionable, status, s.snapshotDate()));
        tables.put(WORKLIST_LEGAL, Worklist.legal(actionable));
        return tables;
    }
}
