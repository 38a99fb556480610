package io.encours.api.collectors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/** The SQL of collector performance (collector_performance, with the pipeline's portfolio columns). */
final class CollectorPerformanceQueries {

    static final String MONTHS = "SELECT min(month) AS first_month, max(month) AS last_month FROM collector_performance";

    static final String ROWS = """
            SELECT collector_id, CASE WHEN ? THEN collector_name END AS name, actions, actions_email, actions_sms,
                   actions_call, actions_letter, actions_registered_letter, actions_formal_notice,
                   attributed_amount_eur, promises_created, promises_due, promises_kept, promises_broken,
                   promises_open, kept_rate, portfolio_overdue_eur, portfolio_dso, portfolio_average_delay_days
            FROM collector_performance
            WHERE month = ? AND {and}
            ORDER BY collector_id""";

    record Months(String firstMonth, String lastMonth) {
    }

    static final RowMapper<CollectorPerformanceRow> ROW = (rs, i) -> {
        Map<String, Long> channels = new LinkedHashMap<>();
        channels.put("EMAIL", rs.getLong("actions_email"));
        channels.put("SMS", rs.getLong("actions_sms"));
        channels.put("CALL", rs.getLong("actions_call"));
        channels.put("LETTER", rs.getLong("actions_letter"));
        channels.put("REGISTERED_LETTER", rs.getLong("actions_registered_letter"));
        channels.put("FORMAL_NOTICE", rs.getLong("actions_formal_notice"));
        double keptRate = rs.getDouble("kept_rate");
        Double kept = rs.wasNull() ? null : keptRate;
        return new CollectorPerformanceRow(rs.getString("collector_id"), rs.getString("name"), rs.getLong("actions"),
                channels, rs.getBigDecimal("attributed_amount_eur"), rs.getLong("promises_created"),
                rs.getLong("promises_kept"), rs.getLong("promises_broken"), rs.getLong("promises_open"), kept,
                rs.getBigDecimal("portfolio_overdue_eur"), rs.getBigDecimal("portfolio_dso"),
                rs.getBigDecimal("portfolio_average_delay_days"), rs.getLong("promises_due"));
    };

    private CollectorPerformanceQueries() {
    }
}
