package io.encours.analytics.pipeline;

import io.encours.analytics.publish.PublishedTable;
import java.util.List;

/**
 * How each analytics table lands in DuckDB: its sort order (rows the API reads together are
 * stored together, so a lookup touches few row groups) and the key columns that must never be
 * null. The keys are those of docs/tables/*.md.
 */
final class PublishLayout {
    private static final List<String> CUBE = List.of("entity_key", "segment_key", "collector_key");
    private static final List<String> FORECAST_CUBE = List.of("entity_key", "segment_key");

    private PublishLayout() {
    }

    static PublishedTable of(String name, String path) {
        return switch (name) {
            case "dim_entities" -> table(name, path, List.of("entity_id"), List.of("entity_id", "name"));
            case "dim_collectors" -> table(name, path, List.of("collector_id"), List.of("collector_id", "name"));
            case "dim_scenarios" -> table(name, path, List.of("scenario_id"), List.of("scenario_id", "name"));
            case "dim_debtors" -> table(name, path, List.of("debtor_id"),
                    List.of("debtor_id", "name", "entity_id", "segment"));
            case "fin_sales_monthly", "fin_cei", "fin_unpaid_rate" -> table(name, path,
                    concat(CUBE, "period"), concat(CUBE, "period"));
            case "fin_dso" -> table(name, path, concat(CUBE, "window_days", "as_of"),
                    concat(CUBE, "window_days", "as_of", "period"));
            case "fin_dso_countback" -> table(name, path, concat(CUBE, "as_of"), concat(CUBE, "as_of", "period"));
            case "fin_dso_debtor" -> table(name, path, List.of("debtor_id", "window_days"),
                    List.of("debtor_id", "window_days", "entity_id", "segment", "collector_id"));
            case "fin_dso_countback_debtor" -> table(name, path, List.of("debtor_id"),
                    List.of("debtor_id", "entity_id", "segment", "collector_id"));
            case "fin_delays" -> table(name, path, concat(List.of("granularity"), concat(CUBE, "period")),
                    concat(List.of("granularity"), concat(CUBE, "period")));
            case "fin_aged_balance" -> table(name, path, concat(List.of("as_of"), CUBE),
                    concat(List.of("as_of", "period"), CUBE));
            case "fin_aged_balance_debtor" -> table(name, path, List.of("as_of", "overdue DESC", "debtor_id"),
                    List.of("as_of", "debtor_id"));
            case "fin_national_benchmarks" -> table(name, path, List.of(), List.of("family", "period", "source"));
            case "fin_benchmarks" -> table(name, path, List.of("family", "granularity", "entity_key",
                    "segment_key", "period", "source", "scope"), List.of("family", "period", "entity_key", "segment_key"));
            case "promise_status" -> table(name, path, List.of("promise_id"), List.of("promise_id", "debtor_id", "status"));
            case "payment_attribution" -> table(name, path, List.of("payment_id"), List.of("payment_id"));
            case "scenario_effectiveness" -> table(name, path, List.of("period", "scenario_id", "detail", "detail_key"),
                    List.of("period", "scenario_id", "detail", "detail_key"));
            case "collector_performance" -> table(name, path, List.of("month", "collector_id"),
                    List.of("month", "collector_id"));
            case "worklist" -> table(name, path, List.of("collector_id", "rank"),
                    List.of("collector_id", "rank", "debtor_id"));
            case "worklist_legal" -> table(name, path, List.of("collector_id", "debtor_id"),
                    List.of("collector_id", "debtor_id"));
            case "forecast_daily" -> table(name, path, concat(FORECAST_CUBE, "day"), concat(FORECAST_CUBE, "day"));
            default -> table(name, path, List.of(), List.of());
        };
    }

    private static PublishedTable table(String name, String path, List<String> orderBy, List<String> notNull) {
        return new PublishedTable(name, path, orderBy, notNull);
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toList();
    }

    private static List<String> concat(List<String> head, List<String> tail) {
        return java.util.stream.Stream.concat(head.stream(), tail.stream()).toList();
    }
}
