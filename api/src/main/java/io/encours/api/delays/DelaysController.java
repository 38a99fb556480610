package io.encours.api.delays;

import io.encours.api.query.CubeCell;
import io.encours.api.query.Snapshot;
import io.encours.api.security.CallerScope;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.params.MonthRange;
import io.encours.api.web.params.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/delays}: payment delays (retards de paiement) per month or quarter. */
@RestController
@Tag(name = "Financial")
public class DelaysController {

    /** {@code granularity=month|quarter}. */
    public enum Granularity {
        MONTH, QUARTER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @GetMapping(path = "/api/v1/delays", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "Payment delays series", description = """
            Over the invoices settled in each period: amount-weighted and per-invoice average days late, \
            share paid late. from/to keep the periods that overlap those months. Several entities are \
            consolidated from the summed components. A COLLECTOR sees its own portfolio only.""")
    public DelaysResponse delays(
            @RequestParam(defaultValue = "month") Granularity granularity,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @RequestParam(required = false) String collector,
            @RequestParam(required = false) String debtor,
            @RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            Snapshot snapshot, CallerScope scope) {
        MonthRange range = MonthRange.of(from, to);
        CubeCell.rejectDebtor(debtor);
        CubeCell cell = CubeCell.of(scope, entity, segment, collector);
        return new DelaysResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(), granularity.toString(),
                DelaysQueries.series(snapshot, cell, granularity.toString(), range));
    }
}
