package io.encours.analytics.pipeline;

import io.encours.analytics.publish.DuckDbPublisher;
import io.encours.ingestion.IngestionReport;
import io.encours.ingestion.TableReport;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** The run's metadata tables (docs/tables/meta.md), written straight into the new database. */
final class MetaTables {
    private MetaTables() {
    }

    static DuckDbPublisher.SqlStep of(String runId, IngestionReport ingestion, Map<String, Long> timings,
            Instant publishedAt) {
        return connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE run_meta (run_id VARCHAR NOT NULL, snapshot_date DATE NOT NULL, "
                        + "published_at TIMESTAMP NOT NULL, curated_run_id VARCHAR NOT NULL, "
                        + "timings_json VARCHAR NOT NULL, input_rows BIGINT NOT NULL)");
                s.execute("CREATE TABLE ingest_tables (table_name VARCHAR NOT NULL, rows_read BIGINT NOT NULL, "
                        + "accepted BIGINT NOT NULL, rejected BIGINT NOT NULL, duplicates_collapsed BIGINT NOT NULL)");
                s.execute("CREATE TABLE ingest_rejects (table_name VARCHAR NOT NULL, reason VARCHAR NOT NULL, "
                        + "rows BIGINT NOT NULL)");
            }
            long inputRows = ingestion.tables().stream().mapToLong(TableReport::read).sum();
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO run_meta VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, runId);
                p.setObject(2, LocalDate.parse(ingestion.snapshotDate()));
                p.setTimestamp(3, Timestamp.from(publishedAt));
                p.setString(4, ingestion.runId());
                p.setString(5, json(timings));
                p.setLong(6, inputRows);
                p.executeUpdate();
            }
            try (PreparedStatement tables = connection.prepareStatement(
                    "INSERT INTO ingest_tables VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement rejects = connection.prepareStatement(
                            "INSERT INTO ingest_rejects VALUES (?, ?, ?)")) {
                for (TableReport t : ingestion.tables()) {
                    tables.setString(1, t.table());
                    tables.setLong(2, t.read());
                    tables.setLong(3, t.accepted());
                    tables.setLong(4, t.rejected());
                    tables.setLong(5, t.duplicatesCollapsed());
                    tables.executeUpdate();
                    for (Map.Entry<String, Long> r : t.rejectsByReason().entrySet()) {
                        rejects.setString(1, t.table());
                        rejects.setString(2, r.getKey());
                        rejects.setLong(3, r.getValue());
                        rejects.executeUpdate();
                    }
                }
            }
        };
    }

    private static String json(Map<String, Long> timings) {
        StringBuilder out = new StringBuilder("{");
        timings.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k)
                .append("\":").append(v));
        return out.append('}').toString();
    }
}
