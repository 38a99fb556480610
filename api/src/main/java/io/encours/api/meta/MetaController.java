package io.encours.api.meta;

import io.encours.api.query.Snapshot;
import io.encours.api.web.ApiMedia;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/meta}: which run is served, and its ingestion counts. Open to all four
 * roles: it holds no entity, collector or debtor data, and every dashboard shows "data as of".
 */
@RestController
@Tag(name = "Meta", description = "The served run and how its ingestion went")
public class MetaController {

    @GetMapping(path = "/api/v1/meta", produces = {ApiMedia.JSON, ApiMedia.CSV})
    @Operation(summary = "The served run and its ingestion counts",
            description = """
                    From run_meta, ingest_tables and ingest_rejects of the served database. \
                    Every role may read it. With Accept: text/csv, one row per table \
                    (table, read, accepted, rejected, duplicatesCollapsed); the rejects are JSON only.""")
    public MetaResponse meta(Snapshot snapshot) {
        return MetaQueries.meta(snapshot);
    }
}
