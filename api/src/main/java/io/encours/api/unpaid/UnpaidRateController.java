package io.encours.api.unpaid;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/unpaid-rate}: the share of each due-month cohort still unpaid 90 days after its due date. */
@RestController
@Tag(name = "Financial")
public class UnpaidRateController {

    @GetMapping(path = "/api/v1/unpaid-rate", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "Unpaid rate by due month", description = """
            Per due month: amount due, amount unpaid 90 days after the due date (applications dated ≤ due + 90; \
            write-offs stay unpaid), their ratio, and whether the figure is final (last day of the month + 90 \
            ≤ T). from/to are due months; due months after T are listed. Several entities: Σunpaid / Σdue. A \
            COLLECTOR sees its own portfolio only.""")
    public UnpaidRateResponse unpaidRate(
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
        return new UnpaidRateResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(),
                UnpaidRateQueries.series(snapshot, cell, range));
    }
}
