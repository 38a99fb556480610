package io.encours.api.scenarios;

/** The SQL of scenario effectiveness (scenario_effectiveness). */
final class ScenarioEffectivenessQueries {

    private static final String ORDER = "\nORDER BY scenario_id, step NULLS LAST, detail_key";

    /** The whole history: the published 'ALL' rows. */
    static final String ALL = """
            SELECT scenario_id, scenario_name AS name, step, channel, detail_key, actions,
                   attributed_amount_eur AS attributed_amount, response_rate, median_days_to_payment,
                   portfolio_average_delay_days, responding_actions
            FROM scenario_effectiveness
            WHERE period = 'ALL' AND detail = ? AND {and}""" + ORDER;

    /**
     * A month range (collection.md "Month ranges"): counts and amounts summed, the response rate
     * from the sums, and the exact median from the summed day histograms. The first parameter
     * says whether the portfolio delay applies (a single month); then the detail.
     */
    static final String RANGE = """
            WITH sel AS (
              SELECT * FROM scenario_effectiveness
              WHERE period <> 'ALL' AND detail = ? AND {and}),
            sums AS (
              SELECT scenario_id, detail_key, any_value(scenario_name) AS name, any_value(step) AS step,
                     any_value(channel) AS channel, sum(actions) AS actions,
                     sum(responding_actions) AS responding_actions, sum(attributed_amount_eur) AS attributed_amount,
                     CASE WHEN ? THEN max(portfolio_average_delay_days) END AS portfolio_average_delay_days
              FROM sel
              GROUP BY scenario_id, detail_key),
            cells AS (
              SELECT scenario_id, detail_key, generate_subscripts(days_to_payment_histogram, 1) AS day,
                     unnest(days_to_payment_histogram) AS cnt
              FROM sel),
            hist AS (
              SELECT scenario_id, detail_key, list(total ORDER BY day) AS h
              FROM (SELECT scenario_id, detail_key, day, sum(cnt) AS total FROM cells
                    GROUP BY scenario_id, detail_key, day)
              GROUP BY scenario_id, detail_key),
            r AS (
              SELECT scenario_id, detail_key, list_sum(h) AS n,
                     list_transform(range(1, len(h) + 1), lambda k: list_sum(h[1:k])) AS running
              FROM hist)
            SELECT s.scenario_id, s.name, s.step, s.channel, s.detail_key, s.actions, s.attributed_amount,
                   CASE WHEN s.actions > 0 THEN s.responding_actions / s.actions END AS response_rate,
                   CASE WHEN r.n > 0 THEN (len(list_filter(r.running, lambda x: x < (r.n + 1) // 2))
                                         + len(list_filter(r.running, lambda x: x < r.n // 2 + 1))) / 2 END
                     AS median_days_to_payment,
                   s.portfolio_average_delay_days, s.responding_actions
            FROM sums s LEFT JOIN r USING (scenario_id, detail_key)""" + ORDER;

    static final String SCENARIO_EXISTS = """
            SELECT count(*) FROM dim_scenarios WHERE scenario_id = ?""";

    private ScenarioEffectivenessQueries() {
    }
}
