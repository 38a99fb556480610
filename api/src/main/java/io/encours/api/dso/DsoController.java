package io.encours.api.dso;

import io.encours.api.query.CubeCell;
import io.encours.api.query.Snapshot;
import io.encours.api.security.CallerScope;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.error.BadParameterException;
import io.encours.api.web.params.MonthRange;
import io.encours.api.web.params.Params;
import io.encours.api.web.params.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dso}: standard DSO (with best possible DSO and ADD) or countback DSO, per
 * history date, for the group, an entity (or several: consolidated), a segment, a collector's
 * portfolio, or one debtor (at T only).
 */
@RestController
@Tag(name = "Financial", description = "DSO, CEI, payment delays, unpaid rate, aged balance, benchmarks")
public class DsoController {

    /** {@code method=standard|countback}. */
    public enum Method {
        STANDARD, COUNTBACK;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final List<Integer> WINDOWS = List.of(30, 60, 90, 180, 365);

    @GetMapping(path = "/api/v1/dso", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "DSO series (standard or countback)", description = """
            One point per history date (every month end, then T). Standard: DSO = AR × N / Sales(d − N, d], \
            best possible DSO and average days delinquent, null when sales ≤ 0. Countback: the sales walk \
            of METRICS.md (window ignored), per single entity or the group only. Several entities \
            (entity repeated, or an ENTITY_CFO with several entities) are consolidated: Σreceivables × N / \
            Σsales. debtor: that debtor's DSO at T (one point), not combinable with entity/segment/collector. \
            A COLLECTOR sees its own portfolio only.""")
    public DsoResponse dso(
            @RequestParam(defaultValue = "standard") Method method,
            @Parameter(description = "Sales window N in days: 30|60|90|180|365 (standard only)")
            @RequestParam(defaultValue = "90") int window,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @RequestParam(required = false) String collector,
            @RequestParam(required = false) String debtor,
            @RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            Snapshot snapshot, CallerScope scope) {
        if (!WINDOWS.contains(window)) {
            throw new BadParameterException("window", "window must be one of 30|60|90|180|365 (days), got " + window);
        }
        MonthRange range = MonthRange.of(from, to);
        Integer shownWindow = method == Method.STANDARD ? window : null;
        if (debtor != null) {
            if ((entity != null && !entity.isEmpty()) || segment != null || collector != null) {
                throw new BadParameterException("debtor",
                        "debtor cannot be combined with entity, segment or collector (a debtor has one of each)");
            }
            String debtorId = scope.requireDebtor(Params.id("debtor", debtor)).debtorId();
            return new DsoResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(), method.toString(),
                    shownWindow, method == Method.STANDARD
                            ? DsoQueries.debtorStandard(snapshot, debtorId, window, range)
                            : DsoQueries.debtorCountback(snapshot, debtorId, range));
        }
        CubeCell cell = CubeCell.of(scope, entity, segment, collector);
        List<DsoResponse.Point> points = method == Method.STANDARD
                ? DsoQueries.standard(snapshot, cell, window, range)
                : DsoQueries.countback(snapshot, cell.requireSingleEntity("countback DSO"), range);
        return new DsoResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(), method.toString(),
                shownWindow, points);
    }
}
