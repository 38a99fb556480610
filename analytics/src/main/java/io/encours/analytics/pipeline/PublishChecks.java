package io.encours.analytics.pipeline;

import io.encours.analytics.publish.DuckDbPublisher.Check;
import java.time.LocalDate;
import java.util.List;

/**
 * Identities a database must satisfy before it is served (each query counts violations). They
 * tie tables of different metric families together, so a bug in one family cannot publish
 * figures that contradict another.
 */
final class PublishChecks {
    /** Amount tolerance: the identities hold exactly on decimals; 1e-6 € absorbs nothing real. */
    private static final String EPS = "0.000001";

    private PublishChecks() {
    }

    static List<Check> all(LocalDate snapshotDate) {
        return List.of(
                new Check("aged-balance buckets sum to the total",
                        "SELECT count(*) FROM fin_aged_balance WHERE abs(not_due + days_1_30 + days_31_60 "
                                + "+ days_61_90 + days_91_180 + over_180 - total) > " + EPS),
                new Check("overdue = total − not due",
                        "SELECT count(*) FROM fin_aged_balance WHERE abs(total - not_due - overdue) > " + EPS),
                new Check("aged balance total = AR of the standard DSO at every date and cell",
                        "SELECT count(*) FROM fin_aged_balance a JOIN fin_dso d USING (as_of, entity_key, "
                                + "segment_key, collector_key) WHERE d.window_days = 90 AND abs(a.total - d.receivables) > "
                                + EPS),
                new Check("per-segment aged balances sum to the group",
                        "SELECT count(*) FROM (SELECT as_of, sum(total) AS s FROM fin_aged_balance WHERE "
                                + "entity_key = '*' AND collector_key = '*' AND segment_key <> '*' GROUP BY as_of) x "
                                + "JOIN fin_aged_balance g USING (as_of) WHERE g.entity_key = '*' AND g.segment_key = '*' "
                                + "AND g.collector_key = '*' AND abs(x.s - g.total) > " + EPS),
                new Check("per-debtor aged balances sum to the group at every date",
                        "SELECT count(*) FROM (SELECT as_of, sum(total) AS s FROM fin_aged_balance_debtor GROUP BY as_of) x "
                                + "JOIN fin_aged_balance g USING (as_of) WHERE g.entity_key = '*' AND g.segment_key = '*' "
                                + "AND g.collector_key = '*' AND abs(x.s - g.total) > " + EPS),
                new Check("per-entity sales sum to the group",
                        "SELECT count(*) FROM (SELECT period, sum(sales) AS s FROM fin_sales_monthly WHERE "
                                + "segment_key = '*' AND collector_key = '*' AND entity_key <> '*' GROUP BY period) x "
                                + "JOIN fin_sales_monthly g USING (period) WHERE g.entity_key = '*' AND g.segment_key = '*' "
                                + "AND g.collector_key = '*' AND abs(x.s - g.sales) > " + EPS),
                new Check("the aged balance exists at T",
                        "SELECT CASE WHEN count(*) = 1 THEN 0 ELSE 1 END FROM fin_aged_balance WHERE as_of = DATE '"
                                + snapshotDate + "' AND entity_key = '*' AND segment_key = '*' AND collector_key = '*'"),
                new Check("worklist ranks are 1..n per collector",
                        "SELECT count(*) FROM (SELECT collector_id, max(rank) AS m, count(*) AS n, "
                                + "count(DISTINCT rank) AS d FROM worklist GROUP BY collector_id) WHERE m <> n OR d <> n"),
                new Check("forecast total = promised + invoices",
                        "SELECT count(*) FROM forecast_daily WHERE abs(total - promised - invoices) > 0.005"));
    }
}
