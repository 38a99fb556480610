package io.encours.testing;

import io.encours.curated.CuratedSnapshot;
import io.encours.ingestion.rules.ClassifiedTable;
import io.encours.ingestion.rules.SnapshotValidation;
import java.time.LocalDate;
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
        Map<String, ClassifiedTable> classified = SnapshotValidation.classify(
                fixture.conformed(spark), snapshotDate, Dataset::cache);
        Map<String, Dataset<Row>> accepted = new LinkedHashMap<>();
        classified.forEach((name, table) -> accepted.put(name, table.accepted().cache()));
        return new CuratedSnapshot(snapshotDate, "test-run", accepted);
    }
}
