package io.encours.testing;

import io.encours.curated.CuratedSnapshot;
import io.encours.ingestion.rules.ClassifiedTable;
import io.encours.ingestion.rules.SnapshotValidation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A curated snapshot made from a hand-written fixture by the real validation, so analytics
 * tests start from exactly what ingestion would give them.
 */
public final class CuratedFixture {
    private CuratedFixture() {
    }

    public static CuratedSnapshot of(SparkSession spark, SnapshotFixture fixture, LocalDate snapshotDate) {
        List<Dataset<Row>> cached = new ArrayList<>();
        Map<String, ClassifiedTable> classified = SnapshotValidation.classify(
                fixture.conformed(spark), snapshotDate, table -> {
                    Dataset<Row> kept = table.cache();
                    cached.add(kept);
                    return kept;
                });
        Map<String, Dataset<Row>> accepted = new LinkedHashMap<>();
        // Materialised as local rows, as production reads them back from Parquet: every analytics
        // query then starts from a small leaf instead of re-planning the whole validation.
        classified.forEach((name, table) -> accepted.put(name,
                spark.createDataFrame(table.accepted().collectAsList(), table.accepted().schema())));
        cached.forEach(Dataset::unpersist);
        return new CuratedSnapshot(snapshotDate, "test-run", accepted);
    }
}
