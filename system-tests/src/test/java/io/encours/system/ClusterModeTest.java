package io.encours.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The pipeline submitted to a real Spark standalone cluster (a Master and two one-core Workers
 * on loopback, started from the project's own jars) publishes exactly what local mode publishes
 * from the same snapshot, table for table and row for row.
 */
class ClusterModeTest {

    @Test
    void aTwoWorkerClusterPublishesWhatLocalModePublishes() {
        Path local = Published.database(Baseline.warehouse());
        Path dir = Product.scratch("cluster");
        Path warehouse = dir.resolve("warehouse");
        try (SparkCluster cluster = SparkCluster.start(dir.resolve("cluster"), 2)) {
            Product.pipeline(dir.resolve("pipeline.log"), Product.sample(), warehouse, cluster.masterUrl(),
                            // Spark's default of 200 shuffle partitions is meant for big data;
                            // local mode runs with 8, and so does the sample on the cluster.
                            "--conf", "spark.sql.shuffle.partitions=8")
                    .awaitSuccess(Baseline.PIPELINE_TIMEOUT);

            // The work ran in the workers' executors, not in the driver.
            for (int worker = 1; worker <= 2; worker++) {
                assertThat(Disk.names(cluster.workerWorkDir(worker)))
                        .as("applications whose executor ran on worker %d", worker)
                        .anyMatch(name -> name.startsWith("app-"));
            }
        }
        Path clustered = Published.database(warehouse);

        assertThat(Published.tables(clustered)).isEqualTo(Published.tables(local));
        assertThat(Published.differences(local, clustered)).as("tables that differ from local mode").isEmpty();
        assertThat(Published.single(clustered, "SELECT count(*) FROM fin_dso")).isNotEqualTo("0");
    }
}
