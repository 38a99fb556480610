package io.encours.api.testing;

import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.security.CallerScope;
import io.encours.api.web.Amount;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.Days;
import io.encours.api.web.ListResponse;
import io.encours.api.web.Rate;
import io.encours.api.web.SeriesResponse;
import io.encours.api.web.params.MonthRange;
import io.encours.api.web.params.PageRequest;
import io.encours.api.web.params.Params;
import io.encours.api.web.params.Segment;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints written exactly as a feature would be, to exercise the shared helpers
 * (parameters, scope, envelopes, CSV, errors) without depending on metric tables.
 */
@RestController
public class ProbeController {

    /** An enum parameter whose API values are lower case. */
    public enum Method {
        STANDARD, COUNTBACK;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record DebtorRow(String debtorId, String name, String entityId, String segment, String collectorId) {
    }

    public record Point(String period, @Amount double receivables, @Days Double dso, @Rate double rate,
            List<String> reasons, Map<String, Integer> byChannel) {
    }

    /** A list endpoint: dim_debtors filtered by the common filters and the caller's scope. */
    @GetMapping(path = "/api/v1/test/debtors", produces = {ApiMedia.JSON, ApiMedia.CSV})
    public ListResponse<DebtorRow> debtors(
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @RequestParam(required = false) String collector,
            @RequestParam(required = false) String debtor,
            @RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            @RequestParam(defaultValue = "standard") Method method,
            @RequestParam(defaultValue = "90") int window,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Snapshot snapshot, CallerScope scope) {
        scope.requireDebtorLevel();
        PageRequest paging = PageRequest.of(page, size);
        MonthRange.of(from, to);
        Params.between("window", window, 1, 365);
        SqlFilter where = SqlFilter.create()
                .in("entity_id", scope.entities(Params.ids("entity", entity)))
                .eq("segment", segment)
                .eq("collector_id", scope.collector(Params.id("collector", collector)));
        if (debtor != null) {
            where.eq("debtor_id", scope.requireDebtor(Params.id("debtor", debtor)).debtorId());
        }
        scope.restrict(where, "entity_id", "collector_id");
        String sql = where.applyTo("""
                SELECT debtor_id, name, entity_id, segment, collector_id
                FROM dim_debtors
                {where}
                ORDER BY debtor_id""");
        return snapshot.page(sql, DebtorRow.class, paging, where.params());
    }

    /** A series endpoint with values to round and nested arrays, for JSON and CSV. */
    @GetMapping(path = "/api/v1/test/series", produces = {ApiMedia.JSON, ApiMedia.CSV})
    public SeriesResponse<Point> series(Snapshot snapshot) {
        return snapshot.series(List.of(
                new Point("2025-05", 1234.005, 41.256, 0.123456, List.of("late", "disputed"), Map.of("EMAIL", 3)),
                new Point("2025-06", 10_000_000.0, null, 1.0, List.of(), Map.of())));
    }

    /** An empty series: CSV still has its header row. */
    @GetMapping(path = "/api/v1/test/empty", produces = {ApiMedia.JSON, ApiMedia.CSV})
    public SeriesResponse<Point> empty(Snapshot snapshot) {
        return snapshot.series(List.of());
    }

    /** The caller's resolved scope. */
    @GetMapping("/api/v1/test/scope")
    public Map<String, Object> scope(CallerScope scope) {
        return Map.of("user", scope.user(), "role", scope.role().name(),
                "entities", scope.allowedEntities(), "collector", String.valueOf(scope.ownCollector()));
    }

    /** One collector's data: the worklist pattern. */
    @GetMapping("/api/v1/test/collectors/{collectorId}")
    public Map<String, String> collector(@PathVariable String collectorId, CallerScope scope) {
        scope.requireCollector(collectorId);
        return Map.of("collectorId", collectorId);
    }

    @GetMapping("/api/v1/test/boom")
    public Map<String, String> boom() {
        throw new IllegalStateException("simulated failure with a secret detail");
    }
}
