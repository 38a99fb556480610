package io.encours.api.scenarios;

import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.security.CallerScope;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.ListResponse;
import io.encours.api.web.error.NotFoundException;
import io.encours.api.web.params.MonthRange;
import io.encours.api.web.params.PageRequest;
import io.encours.api.web.params.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/scenarios/effectiveness}: how each dunning scenario (step, channel) performs. */
@RestController
@Tag(name = "Collection")
public class ScenarioEffectivenessController {

    /** {@code detail=none|step|channel}. */
    public enum Detail {
        NONE, STEP, CHANNEL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String MANUAL = "MANUAL";

    @GetMapping(path = "/api/v1/scenarios/effectiveness", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "Dunning scenario effectiveness", description = """
            Per scenario (MANUAL: actions outside any scenario), optionally per step or channel: actions, \
            payments attributed to them, response rate, median days to payment, and the scenario \
            portfolio's average delay. Without from/to: the whole history as published. With from/to \
            (months of the action date): counts and amounts summed, the response rate from the sums, the \
            exact median from the summed day histograms; the portfolio delay only for a single month \
            (from = to). Group-wide: not broken down by entity or collector, so 403 for an ENTITY_CFO or \
            a COLLECTOR.""")
    public ListResponse<ScenarioEffectivenessRow> effectiveness(
            @RequestParam(defaultValue = "none") Detail detail,
            @Parameter(description = "One scenario id, or MANUAL") @RequestParam(required = false) String scenario,
            @RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Snapshot snapshot, CallerScope scope) {
        SqlFilter where = scope.restrict(SqlFilter.create(), null, null);
        PageRequest paging = PageRequest.of(page, size);
        MonthRange range = MonthRange.of(from, to);
        String scenarioId = Params.id("scenario", scenario);
        if (scenarioId != null && !MANUAL.equals(scenarioId)
                && snapshot.first(ScenarioEffectivenessQueries.SCENARIO_EXISTS, Long.class, scenarioId).orElse(0L) == 0) {
            throw new NotFoundException("unknown scenario " + scenarioId);
        }
        where.eq("scenario_id", scenarioId);
        if (range.from() == null && range.to() == null) {
            return snapshot.page(where.applyTo(ScenarioEffectivenessQueries.ALL), ScenarioEffectivenessRow.class,
                    paging, with(where, detail.toString()));
        }
        where.between("period", range.fromKey(), range.toKey());
        boolean singleMonth = range.from() != null && Objects.equals(range.from(), range.to());
        Object[] params = with(where, detail.toString());
        Object[] all = new Object[params.length + 1];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = singleMonth;
        return snapshot.page(where.applyTo(ScenarioEffectivenessQueries.RANGE), ScenarioEffectivenessRow.class,
                paging, all);
    }

    /** {@code first} then the filter's parameters. */
    private static Object[] with(SqlFilter where, Object first) {
        Object[] params = where.params();
        Object[] all = new Object[params.length + 1];
        all[0] = first;
        System.arraycopy(params, 0, all, 1, params.length);
        return all;
    }
}
