package io.encours.api.promises;

import io.encours.api.query.CubeCell;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.security.CallerScope;
import io.encours.api.security.Role;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.ListResponse;
import io.encours.api.web.params.MonthRange;
import io.encours.api.web.params.PageRequest;
import io.encours.api.web.params.Params;
import io.encours.api.web.params.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/promises}: payment promises and their status as of T. */
@RestController
@Tag(name = "Collection")
public class PromisesController {

    /** {@code status=OPEN|KEPT|BROKEN}. */
    public enum Status { OPEN, KEPT, BROKEN }

    @GetMapping(path = "/api/v1/promises", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "Payment promises", description = """
            Every accepted promise with its status as of T, by promised date. collector = the debtor's \
            current collector (the portfolio; UNASSIGNED: debtors without one); from/to = months of the \
            promised date. Debtor-level: not for an ANALYST; a COLLECTOR sees its portfolio's promises, an \
            ENTITY_CFO those of its entities.""")
    public ListResponse<PromiseRow> promises(
            @RequestParam(required = false) Status status,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @Parameter(description = "The debtors' current collector (portfolio), or UNASSIGNED")
            @RequestParam(required = false) String collector,
            @RequestParam(required = false) String debtor,
            @Parameter(description = "First month of the promised date") @RequestParam(required = false) YearMonth from,
            @Parameter(description = "Last month of the promised date") @RequestParam(required = false) YearMonth to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Snapshot snapshot, CallerScope scope) {
        scope.requireDebtorLevel();
        PageRequest paging = PageRequest.of(page, size);
        MonthRange range = MonthRange.of(from, to);
        SqlFilter where = SqlFilter.create()
                .eq("status", status)
                .in("entity_id", scope.entities(Params.ids("entity", entity)))
                .eq("segment", segment)
                .between("promised_date", range.fromDate(), range.toDate());
        String requested = Params.id("collector", collector);
        if (CubeCell.UNASSIGNED.equals(requested) && scope.role() != Role.COLLECTOR) {
            where.condition("debtor_collector_id IS NULL");
        } else {
            where.eq("debtor_collector_id", scope.collector(requested));
        }
        if (debtor != null) {
            where.eq("debtor_id", scope.requireDebtor(Params.id("debtor", debtor)).debtorId());
        }
        scope.restrict(where, "entity_id", "debtor_collector_id");
        return snapshot.page(where.applyTo(PromisesQueries.ROWS), PromiseRow.class, paging, where.params());
    }
}
