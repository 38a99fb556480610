package io.encours.api.meta;

import io.encours.api.db.RunStamp;
import io.encours.api.query.Snapshot;

/** The SQL of the meta feature, and how its response is assembled. */
final class MetaQueries {

    static final String TABLES = """
            SELECT table_name AS "table",
                   coalesce(rows_read, 0) AS "read",
                   coalesce(accepted, 0) AS accepted,
                   coalesce(rejected, 0) AS rejected,
                   coalesce(duplicates_collapsed, 0) AS duplicates_collapsed
            FROM ingest_tables
            ORDER BY table_name
            """;

    static final String REJECTS = """
            SELECT table_name AS "table", reason, coalesce("rows", 0) AS "count"
            FROM ingest_rejects
            ORDER BY table_name, "count" DESC, reason
            """;

    private MetaQueries() {
    }

    static MetaResponse meta(Snapshot snapshot) {
        RunStamp stamp = snapshot.stamp();
        return new MetaResponse(stamp.snapshotDate(), stamp.runId(), stamp.publishedAt(),
                snapshot.list(TABLES, MetaResponse.TableCounts.class),
                snapshot.list(REJECTS, MetaResponse.RejectCount.class));
    }
}
