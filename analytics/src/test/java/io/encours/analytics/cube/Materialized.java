package io.encours.analytics.cube;

import io.encours.curated.CuratedSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A curated snapshot whose tables are local rows (test helper). The fixture's tables carry
 * the whole validation plan; analysing every derived Dataset over that deep plan dominates a
 * test's time. Materialized, they are shallow, as the curated Parquet files are in a run.
 */
public final class Materialized {
    private Materialized() {
    }

    public static CuratedSnapshot of(SparkSession spark, CuratedSnapshot curated) {
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        curated.tables().forEach((name, rows) ->
                tables.put(name, spark.createDataFrame(rows.collectAsList(), rows.schema())));
        return new CuratedSnapshot(curated.snapshotDate(), curated.runId(), tables);
    }
}
