package io.encours.system;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One local-mode pipeline run on the committed sample per test JVM: the reference the cluster
 * run must equal, and the published state the fault tests start from (each works on a copy).
 */
final class Baseline {
    static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(20);
    private static Path warehouse;

    private Baseline() {
    }

    static synchronized Path warehouse() {
        if (warehouse == null) {
            Path dir = Product.scratch("baseline");
            Path target = dir.resolve("warehouse");
            Product.pipeline(dir.resolve("pipeline.log"), Product.sample(), target, "local[2]")
                    .awaitSuccess(PIPELINE_TIMEOUT);
            warehouse = target;
        }
        return warehouse;
    }

    /** A private copy of the baseline warehouse, to be damaged or published over. */
    static Path copyInto(Path dir) {
        Path copy = dir.resolve("warehouse");
        Disk.copyTree(warehouse(), copy);
        return copy;
    }
}
