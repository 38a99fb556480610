package io.encours.api.collectors;

import io.encours.api.collectors.CollectorPerformanceQueries.Months;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.security.CallerScope;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.ListResponse;
import io.encours.api.web.error.BadParameterException;
import io.encours.api.web.params.PageRequest;
import io.encours.api.web.params.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/collectors/performance}: each collector's activity, promises and portfolio in a month. */
@RestController
@Tag(name = "Collection")
public class CollectorPerformanceController {

    @GetMapping(path = "/api/v1/collectors/performance", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "Collector performance in a month", description = """
            Per collector: its actions (by channel), the payments attributed to them, the promises it \
            obtained and their outcome, and its portfolio's overdue, DSO (90) and average delay. A COLLECTOR \
            gets its own row; an ANALYST gets no names; an ENTITY_CFO none (collectors work across \
            entities and the table has no entity grain: 403). CSV: actionsByChannel as JSON in a cell.""")
    public ListResponse<CollectorPerformanceRow> performance(
            @Parameter(description = "YYYY-MM; default T's month") @RequestParam(required = false) YearMonth month,
            @RequestParam(required = false) String collector,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Snapshot snapshot, CallerScope scope) {
        PageRequest paging = PageRequest.of(page, size);
        SqlFilter where = scope.restrict(SqlFilter.create(), null, "collector_id");
        if (scope.ownCollector() == null) {
            where.eq("collector_id", scope.collector(Params.id("collector", collector)));
        } else {
            scope.collector(Params.id("collector", collector));
        }
        String m = month(snapshot, month);
        Object[] params = new Object[where.params().length + 2];
        params[0] = scope.namesAllowed();
        params[1] = m;
        System.arraycopy(where.params(), 0, params, 2, where.params().length);
        return snapshot.page(where.applyTo(CollectorPerformanceQueries.ROWS), CollectorPerformanceQueries.ROW,
                paging, params);
    }

    private static String month(Snapshot snapshot, YearMonth requested) {
        String wanted = (requested == null ? YearMonth.from(snapshot.stamp().snapshotDate()) : requested).toString();
        Months months = snapshot.first(CollectorPerformanceQueries.MONTHS, Months.class).orElse(new Months(null, null));
        if (requested != null && months.firstMonth() != null
                && (wanted.compareTo(months.firstMonth()) < 0 || wanted.compareTo(months.lastMonth()) > 0)) {
            throw new BadParameterException("month", "month must be a month of the collectors' activity ("
                    + months.firstMonth() + " to " + months.lastMonth() + "), got " + wanted);
        }
        return wanted;
    }
}
