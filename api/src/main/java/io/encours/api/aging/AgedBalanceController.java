package io.encours.api.aging;

import io.encours.api.aging.AgedBalanceQueries.HistoryDate;
import io.encours.api.query.CubeCell;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.query.Whitelist;
import io.encours.api.security.CallerScope;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.ListResponse;
import io.encours.api.web.error.BadParameterException;
import io.encours.api.web.params.PageRequest;
import io.encours.api.web.params.Params;
import io.encours.api.web.params.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/aged-balance}: the aged balance at a history date, as a lookup in the cube
 * table (total, entity, segment, collector) or the per-debtor table.
 */
@RestController
@Tag(name = "Financial")
public class AgedBalanceController {

    /** {@code groupBy=total|entity|segment|collector|debtor}. */
    public enum GroupBy {
        TOTAL, ENTITY, SEGMENT, COLLECTOR, DEBTOR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Whitelist SORT = Whitelist.of("sort",
            "overdue", " ORDER BY overdue DESC, key",
            "total", " ORDER BY total DESC, key");

    @GetMapping(path = "/api/v1/aged-balance", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "Aged balance by bucket", description = """
            Balances by days past due at asOf (a month of the history: its month end, or T for T's month; \
            default T). groupBy=total is one row (zeros without open document); entity/segment/collector \
            read the cube cells with the other filters applied; debtor reads the per-debtor table \
            (not for an ANALYST). Several entities are summed (all columns are additive). A COLLECTOR \
            sees its portfolio only; an ANALYST gets no collector or debtor names.""")
    public AgedBalanceResponse agedBalance(
            @RequestParam(defaultValue = "total") GroupBy groupBy,
            @Parameter(description = "overdue|total, descending") @RequestParam(required = false) String sort,
            @Parameter(description = "A month of the history, YYYY-MM; default T's month")
            @RequestParam(required = false) YearMonth asOf,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @RequestParam(required = false) String collector,
            @Parameter(description = "One debtor (groupBy=debtor only)") @RequestParam(required = false) String debtor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Snapshot snapshot, CallerScope scope) {
        if (groupBy == GroupBy.DEBTOR) {
            scope.requireDebtorLevel();
        }
        PageRequest paging = PageRequest.of(page, size);
        String order = SORT.sql(sort);
        if (debtor != null && groupBy != GroupBy.DEBTOR) {
            throw new BadParameterException("debtor", "debtor filters groupBy=debtor only");
        }
        CubeCell cell = CubeCell.of(scope, entity, segment, collector);
        HistoryDate date = historyDate(snapshot, asOf);
        String sql;
        SqlFilter where;
        List<Object> head = new ArrayList<>();
        switch (groupBy) {
            case DEBTOR -> {
                where = SqlFilter.create()
                        .in("entity_id", cell.entities())
                        .eq("segment", cell.segment())
                        .eq("collector_id", cell.collector());
                if (debtor != null) {
                    where.eq("debtor_id", scope.requireDebtor(Params.id("debtor", debtor)).debtorId());
                }
                scope.restrict(where, "entity_id", "collector_id");
                sql = AgedBalanceQueries.BY_DEBTOR;
            }
            case TOTAL -> {
                where = AgedBalanceQueries.cubeFilter(cell, groupBy);
                sql = AgedBalanceQueries.TOTAL;
            }
            default -> {
                where = AgedBalanceQueries.cubeFilter(cell, groupBy);
                sql = switch (groupBy) {
                    case ENTITY -> AgedBalanceQueries.BY_ENTITY;
                    case SEGMENT -> AgedBalanceQueries.BY_SEGMENT;
                    default -> AgedBalanceQueries.BY_COLLECTOR;
                };
                if (groupBy == GroupBy.COLLECTOR) {
                    head.add(scope.namesAllowed());
                }
            }
        }
        head.add(date.period());
        for (Object p : where.params()) {
            head.add(p);
        }
        ListResponse<AgedBalanceResponse.Row> list = snapshot.page("SELECT * FROM (" + where.applyTo(sql) + ") AS grouped" + order,
                AgedBalanceResponse.Row.class, paging, head.toArray());
        return new AgedBalanceResponse(list.snapshotDate(), list.runId(), date.asOf(), groupBy.toString(),
                list.total(), list.page(), list.size(), list.rows());
    }

    private static HistoryDate historyDate(Snapshot snapshot, YearMonth asOf) {
        List<HistoryDate> history = AgedBalanceQueries.history(snapshot);
        if (history.isEmpty()) {
            throw new IllegalStateException("fin_dso holds no history date");
        }
        if (asOf == null) {
            return history.get(0);
        }
        return AgedBalanceQueries.find(history, asOf.toString()).orElseThrow(() -> new BadParameterException("asOf",
                "asOf must be a month of the history (" + history.get(history.size() - 1).period() + " to "
                        + history.get(0).period() + "), got " + asOf));
    }
}
