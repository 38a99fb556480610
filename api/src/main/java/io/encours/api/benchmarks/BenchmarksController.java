package io.encours.api.benchmarks;

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

/** {@code GET /api/v1/benchmarks}: our delays or DSO against the national figures (never mixed). */
@RestController
@Tag(name = "Financial")
public class BenchmarksController {

    /** {@code metric=delay|dso}: the family of national figures. */
    public enum Metric {
        DELAY, DSO;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code granularity=year|quarter} (and {@code half}, the half-year figures). */
    public enum Granularity {
        YEAR, QUARTER, HALF;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @GetMapping(path = "/api/v1/benchmarks", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "National benchmarks", description = """
            Each published national figure of the family (delay: retards de paiement, Altares/Ellisphere/ODP; \
            dso: délais clients, Banque de France/ODP) whose period our covered history holds, with our figure \
            for the same period and the cash at stake. from/to keep the periods overlapping those months. \
            Several entities: ours = Σnumerator / Σdenominator. Not broken down by collector: 403 for a \
            COLLECTOR.""")
    public BenchmarksResponse benchmarks(
            @RequestParam(defaultValue = "delay") Metric metric,
            @RequestParam(defaultValue = "year") Granularity granularity,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @RequestParam(required = false) String debtor,
            @RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            Snapshot snapshot, CallerScope scope) {
        MonthRange range = MonthRange.of(from, to);
        CubeCell.rejectDebtor(debtor);
        CubeCell cell = CubeCell.withoutCollector(scope, entity, segment);
        return new BenchmarksResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(), metric.toString(),
                granularity.toString(), BenchmarksQueries.points(snapshot, cell, metric.name(), granularity.toString(),
                        range));
    }
}
