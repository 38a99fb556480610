package io.encours.api.worklist;

import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.security.CallerScope;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.ListResponse;
import io.encours.api.web.params.PageRequest;
import io.encours.api.web.params.Params;
import io.encours.api.web.params.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/worklists/{collectorId}}: who to chase first, with the why. */
@RestController
@Tag(name = "Collection", description = "Worklists, promises, collector performance, scenario effectiveness")
public class WorklistController {

    @GetMapping(path = "/api/v1/worklists/{collectorId}", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "A collector's worklist", description = """
            The debtors of the collector's portfolio with actionable invoices, ranked by priority, with the \
            reasons, the suggested action and the invoices; legal: its insolvent debtors (not chased). \
            A COLLECTOR reads its own only, an ENTITY_CFO the rows of its entities, an ANALYST none \
            (debtor-level data). 404 for an unknown collector. CSV: the rows (invoices as JSON in a cell, \
            reasons joined with |).""")
    public WorklistResponse worklist(
            @PathVariable String collectorId,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Snapshot snapshot, CallerScope scope) {
        String collector = Params.id("collectorId", collectorId);
        scope.requireCollector(collector);
        PageRequest paging = PageRequest.of(page, size);
        List<String> entities = scope.entities(Params.ids("entity", entity));
        ListResponse<WorklistResponse.Row> rows = WorklistQueries.rows(snapshot, filter(scope, collector, entities,
                segment), paging);
        List<WorklistResponse.Legal> legal = WorklistQueries.legal(snapshot, filter(scope, collector, entities,
                segment));
        return new WorklistResponse(rows.snapshotDate(), rows.runId(), collector, rows.total(), rows.page(),
                rows.size(), rows.rows(), legal);
    }

    private static SqlFilter filter(CallerScope scope, String collector, List<String> entities, Segment segment) {
        SqlFilter where = SqlFilter.create()
                .eq("collector_id", collector)
                .in("entity_id", entities)
                .eq("segment", segment);
        return scope.restrict(where, "entity_id", "collector_id");
    }
}
