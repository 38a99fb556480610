package io.encours.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pipeline killed in the middle of each stage, then run again with a second run started
 * beside it and the API under load, then starved of disk while it publishes. One warehouse
 * (a copy of the baseline run) and one API process serving it throughout: finance must see the
 * last good run, never a half-written one, and never a failed request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultsTest {
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(10);

    private Path dir;
    private Path warehouse;
    private ApiProcess api;
    private String servedRun;
    private String servedDso;

    @BeforeAll
    void serveTheBaseline() throws Exception {
        // A test JVM that died mid-way may have left the tmpfs mounted: unmount before deleting.
        DiskFull.release(Product.home().resolve("system-tests/target/system/faults/warehouse"));
        dir = Product.scratch("faults");
        warehouse = Baseline.copyInto(dir);
        api = ApiProcess.start(warehouse, dir.resolve("api.log"));
        servedRun = api.servedRunId();
        servedDso = api.get("/api/v1/dso").body();
        assertThat(servedRun).isEqualTo(Published.runId(warehouse));
    }

    @AfterAll
    void stopTheApi() {
        if (api != null) {
            api.close();
        }
        DiskFull.release(warehouse);
    }

    @Test
    @Order(1)
    void killedWhileIngestingLeavesThePreviousRunServed() throws Exception {
        killOnceHalfWritten("kill-ingest", "curated", "pipeline: stage 1/3 ingest");
    }

    @Test
    @Order(2)
    void killedWhileComputingLeavesThePreviousRunServed() throws Exception {
        killOnceHalfWritten("kill-analytics", "analytics", "pipeline: stage 2/3 analytics");
    }

    @Test
    @Order(3)
    void killedWhilePublishingLeavesThePreviousRunServed() throws Exception {
        String current = pointer("db");
        try (Launched run = pipeline("kill-publish")) {
            run.awaitLog("pipeline: stage 3/3 publish", STAGE_TIMEOUT);
            // Killed as soon as the new database file exists (polled every 10 ms; building it
            // takes about a second on the sample).
            run.awaitCondition("a new database file", STAGE_TIMEOUT, () -> !newDatabases(current).isEmpty());
            run.killHard();
        }
        assertThat(newDatabases(current)).as("the dead run's partial database").isNotEmpty();
        assertThat(pointer("db")).isEqualTo(current);
        assertStillServed();
    }

    @Test
    @Order(4)
    void theNextRunRefusesASecondWriterPublishesUnderLoadAndCleansUp() throws Exception {
        String collector = Published.single(Published.database(warehouse),
                "SELECT min(collector_id) FROM dim_collectors");
        String before = servedRun;
        try (Launched run = pipeline("recovery")) {
            run.awaitLog("pipeline: stage 1/3 ingest", STAGE_TIMEOUT);

            // Two runs at once: the second refuses at once, naming the holder, and writes nothing.
            try (Launched second = pipeline("second-writer")) {
                assertThat(second.awaitExit(Duration.ofMinutes(2))).as("exit code of the second run").isEqualTo(5);
                assertThat(Disk.read(second.log())).contains("another pipeline run holds").contains("pid ");
            }

            run.awaitLog("analytics: attribution, scenarios, collectors done", STAGE_TIMEOUT);
            LoadClient load = new LoadClient(api, List.of("/api/v1/dso", "/api/v1/aged-balance?groupBy=debtor",
                    "/api/v1/worklists/" + collector, "/api/v1/forecast", "/api/v1/meta"), 4);
            String published;
            try {
                run.awaitSuccess(STAGE_TIMEOUT);
                published = Published.runId(warehouse);
                awaitServed(published);
                Launched.sleep(2_000);
            } finally {
                load.stop();
            }
            assertThat(load.failures()).as("failed requests during the publish").isEmpty();
            assertThat(load.requests()).isGreaterThan(100);
            assertThat(load.runIds()).as("runs served under load").contains(before, published);
            System.out.printf("load during publish: %d requests in %.1f s (%.0f/s), 0 failed, p50 %.1f ms, "
                    + "p99 %.1f ms%n", load.requests(), load.seconds(), load.requests() / load.seconds(),
                    load.latencyMillis(0.50), load.latencyMillis(0.99));
            servedRun = published;
        }
        assertThat(servedRun).isNotEqualTo(before);
        // The dead runs' leftovers are gone: every run folder is complete, no stray database.
        assertThat(unfinishedRuns("curated")).isEmpty();
        assertThat(unfinishedRuns("analytics")).isEmpty();
        assertThat(newDatabases(pointer("db"))).isEmpty();
        assertThat(Disk.read(dir.resolve("recovery.log"))).contains("removed old or unfinished databases");
        // Same snapshot, same options: the same figures as the baseline.
        assertThat(Published.differences(Published.database(Baseline.warehouse()), Published.database(warehouse)))
                .isEmpty();
        servedDso = api.get("/api/v1/dso").body();
    }

    @Test
    @Order(5)
    void aDiskFullWhilePublishingLeavesThePreviousRunServed() throws Exception {
        String current = pointer("db");
        DiskFull.Mode mode = DiskFull.arrange(warehouse);
        try (Launched run = mode.start(this::pipelineArgs, dir.resolve("disk-full.log"))) {
            assertThat(run.awaitExit(STAGE_TIMEOUT)).as("exit code when the database cannot be written").isEqualTo(4);
            assertThat(Disk.read(run.log())).containsPattern(mode.expectedError())
                    .contains("nothing published, the previous run stays served");
        }
        assertThat(pointer("db")).isEqualTo(current);
        assertThat(newDatabases(current)).as("the partial database is deleted").isEmpty();
        assertStillServed();
    }

    // --- helpers ------------------------------------------------------------------------

    /** Kills a run once its stage has Parquet on disk in the area's new run folder. */
    private void killOnceHalfWritten(String name, String area, String stageLine) throws Exception {
        String before = pointer(area);
        try (Launched run = pipeline(name)) {
            run.awaitLog(stageLine, STAGE_TIMEOUT);
            run.awaitCondition("a half-written " + area + " run", STAGE_TIMEOUT,
                    () -> hasParquet(newRunFolders(area, before)));
            run.killHard();
        }
        assertThat(unfinishedRuns(area)).as("the dead run's folder, never marked complete").isNotEmpty();
        assertThat(pointer(area)).isEqualTo(before);
        assertStillServed();
    }

    private Launched pipeline(String name) {
        return Product.pipeline(dir.resolve(name + ".log"), Product.sample(), warehouse, "local[2]");
    }

    private List<String> pipelineArgs() {
        return Product.pipelineArgs(Product.sample(), warehouse, "local[2]");
    }

    private void assertStillServed() throws Exception {
        assertThat(api.servedRunId()).isEqualTo(servedRun);
        HttpResponse<String> dso = api.get("/api/v1/dso");
        assertThat(dso.statusCode()).isEqualTo(200);
        assertThat(dso.body()).isEqualTo(servedDso);
        assertThat(Published.runId(warehouse)).isEqualTo(servedRun);
    }

    private void awaitServed(String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!api.servedRunId().equals(runId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the API still serves " + api.servedRunId() + ", not " + runId);
            }
            Launched.sleep(100);
        }
    }

    private String pointer(String area) {
        return Disk.pointer(warehouse.resolve(area).resolve("CURRENT"));
    }

    private List<Path> newRunFolders(String area, String current) {
        return Disk.names(warehouse.resolve(area).resolve("runs")).stream()
                .filter(id -> id.compareTo(current) > 0)
                .map(id -> warehouse.resolve(area).resolve("runs").resolve(id))
                .toList();
    }

    /** Run folders with neither _SUCCESS nor _FAILED: what an interrupted run leaves. */
    private List<String> unfinishedRuns(String area) {
        return Disk.names(warehouse.resolve(area).resolve("runs")).stream()
                .filter(id -> {
                    Path run = warehouse.resolve(area).resolve("runs").resolve(id);
                    return !Files.exists(run.resolve("_SUCCESS")) && !Files.exists(run.resolve("_FAILED"));
                })
                .toList();
    }

    /** Database files newer than the current one. */
    private List<String> newDatabases(String current) {
        return Disk.names(warehouse.resolve("db")).stream()
                .filter(name -> name.startsWith("encours-") && name.endsWith(".duckdb"))
                .filter(name -> name.compareTo(current) > 0)
                .toList();
    }

    private static boolean hasParquet(List<Path> folders) {
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                    return true;
                }
            } catch (IOException e) {
                // A folder Spark is renaming right now: look again at the next poll.
                if (!(e instanceof java.nio.file.NoSuchFileException)) {
                    throw new UncheckedIOException(e);
                }
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                    throw e;
                }
            }
        }
        return false;
    }
}
