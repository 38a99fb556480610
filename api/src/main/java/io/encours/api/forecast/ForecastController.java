package io.encours.api.forecast;

import io.encours.api.query.CubeCell;
import io.encours.api.query.Snapshot;
import io.encours.api.query.SqlFilter;
import io.encours.api.security.CallerScope;
import io.encours.api.web.ApiMedia;
import io.encours.api.web.error.BadParameterException;
import io.encours.api.web.params.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cash forecast: {@code /forecast} (series), {@code /forecast/backtest} (accuracy) and
 * {@code /forecast/export} (file). Not split by collector: a COLLECTOR gets 403.
 */
@RestController
@Tag(name = "Forecast", description = "Cash forecast, its backtest and its export")
public class ForecastController {

    /** {@code granularity=day|week|month}. */
    public enum Granularity {
        DAY, WEEK, MONTH;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code format=csv|parquet|xlsx} of the export. */
    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        PARQUET("application/vnd.apache.parquet", "parquet"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @GetMapping(path = "/api/v1/forecast", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "Cash forecast", description = """
            Expected cash-in from T + 1: promised (open promises × p_keep) + invoices (open invoices by the \
            delay curves) = total, with the calibrated 80 % range low/high. week = horizon weeks T + 1 … T + 7 …; \
            month = calendar months (first and last may be partial). horizon ≤ the published horizon; a \
            week or month cut by a shorter horizon sums its days inside it and has no range. Several \
            entities: amounts summed, no range (a sum of ranges is not a range).""")
    public ForecastResponse forecast(
            @Parameter(description = "Days after T, 1 … the published horizon (default: all of it)")
            @RequestParam(required = false) Integer horizon,
            @RequestParam(defaultValue = "day") Granularity granularity,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @RequestParam(required = false) String collector,
            @RequestParam(required = false) String debtor,
            Snapshot snapshot, CallerScope scope) {
        CubeCell.rejectDebtor(debtor);
        CubeCell cell = cell(scope, entity, segment, collector);
        int days = horizon(snapshot, horizon);
        List<ForecastResponse.Point> points = granularity == Granularity.DAY
                ? ForecastQueries.days(snapshot, cell, days)
                : ForecastQueries.periods(snapshot, cell, granularity.toString(), days);
        return new ForecastResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(), days,
                granularity.toString(), points);
    }

    @GetMapping(path = "/api/v1/forecast/backtest", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "Forecast backtest", description = """
            The model replayed from past weekly cutoffs: WAPE per horizon week against the naive baseline, \
            range coverage, and the whole-horizon summary. For the group, one entity or a segment: WAPE \
            cannot be consolidated over several entities (400).""")
    public BacktestResponse backtest(
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            Snapshot snapshot, CallerScope scope) {
        CubeCell cell = cell(scope, entity, segment, null).requireSingleEntity("the forecast backtest");
        List<BacktestResponse.Horizon> horizons = ForecastQueries.backtest(snapshot, cell);
        ForecastQueries.Summary s = ForecastQueries.summary(snapshot, cell).orElse(
                new ForecastQueries.Summary(null, null, null, null, null, null, null, null, null));
        return new BacktestResponse(snapshot.stamp().snapshotDate(), snapshot.stamp().runId(), s.cutoffs(),
                s.firstCutoff(), s.lastCutoff(), s.wape(), s.baselineWape(), s.wapeReduction(), s.coverage(),
                s.monthCoverage(), s.rangeLevel(), horizons);
    }

    @GetMapping(path = "/api/v1/forecast/export")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.apache.parquet", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))})
    @Operation(summary = "Forecast as a file", description = """
            One row per day and component: day, dayIndex, entity, segment (ALL when not filtered; several \
            entities joined with +, summed), component (PROMISED, INVOICES), amount (EUR, 2 decimals). \
            format=csv (RFC 4180, UTF-8), parquet (written by DuckDB) or xlsx (sheet forecast, sheet about). \
            Sent as an attachment named encours-forecast-<runId>.<format>.""")
    public ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "csv") Format format,
            @Parameter(description = "Days after T, 1 … the published horizon (default: all of it)")
            @RequestParam(required = false) Integer horizon,
            @RequestParam(required = false) List<String> entity,
            @RequestParam(required = false) Segment segment,
            @RequestParam(required = false) String collector,
            @RequestParam(required = false) String debtor,
            Snapshot snapshot, CallerScope scope) {
        CubeCell.rejectDebtor(debtor);
        CubeCell cell = cell(scope, entity, segment, collector);
        int days = horizon(snapshot, horizon);
        byte[] body = switch (format) {
            case CSV -> ForecastExport.csv(ForecastQueries.export(snapshot, cell, days));
            case XLSX -> ForecastExport.xlsx(ForecastQueries.export(snapshot, cell, days),
                    snapshot.stamp().runId(), snapshot.stamp().snapshotDate(), days);
            case PARQUET -> {
                SqlFilter where = cell.entitySegment(SqlFilter.create());
                yield ForecastExport.parquet(snapshot, where.applyTo(ForecastQueries.EXPORT),
                        ForecastQueries.exportParams(cell, where, days));
            }
        };
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(format.contentType));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("encours-forecast-" + snapshot.stamp().runId() + "." + format.extension).build());
        headers.set("Encours-Run-Id", snapshot.stamp().runId());
        headers.set("Encours-Snapshot-Date", snapshot.stamp().snapshotDate().toString());
        return ResponseEntity.ok().headers(headers).body(body);
    }

    private static CubeCell cell(CallerScope scope, List<String> entity, Segment segment, String collector) {
        CubeCell cell = CubeCell.withoutCollector(scope, entity, segment);
        if (collector != null) {
            throw new BadParameterException("collector", "the forecast is not split by collector");
        }
        return cell;
    }

    private static int horizon(Snapshot snapshot, Integer requested) {
        int published = ForecastQueries.publishedHorizon(snapshot);
        if (requested == null) {
            return published;
        }
        if (requested < 1 || requested > published) {
            throw new BadParameterException("horizon", "horizon must be between 1 and " + published
                    + " (the published horizon, days), got " + requested);
        }
        return requested;
    }
}
