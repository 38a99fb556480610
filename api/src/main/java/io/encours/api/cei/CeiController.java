package io.encours.api.cei;

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

/** {@code GET /api/v1/cei}: collection effectiveness index (in percent) per month. */
@RestController
@Tag(name = "Financial")
public class CeiController {

    @GetMapping(path = "/api/v1/cei", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "CEI series", description = """
            Collection effectiveness index per month, in percent: collected / collectible × 100. Several \
            entities: Σcollected × 100 / Σcollectible. A COLLECTOR sees its own portfolio only.""")
    public CeiResponse cei(
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
        return new CeiResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(),
                CeiQueries.series(snapshot, cell, range));
    }
}
