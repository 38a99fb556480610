package io.encours.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.api.config.EncoursProperties;
import io.encours.api.testing.Fixtures;
import io.encours.api.testing.TestWarehouse;
import io.encours.api.web.error.NoPublishedRunException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.UncategorizedSQLException;

/** Switching the served database file, without Spring: the registry over real DuckDB files. */
class DatabaseRegistryTest {

    @TempDir
    Path dir;

    private DatabaseRegistry registry;

    private DatabaseRegistry registry(TestWarehouse warehouse) {
        EncoursProperties properties = new EncoursProperties(warehouse.root(), 8080,
                new EncoursProperties.Database(Duration.ofHours(1), 2, Duration.ofSeconds(2), 1, "64MB"),
                new EncoursProperties.Security(EncoursProperties.Mode.DEMO, null, Duration.ZERO,
                        new EncoursProperties.Jwt(null, null, null, null, "roles", "entities", "collector_id", "sub")),
                new EncoursProperties.OpenApi(false));
        registry = new DatabaseRegistry(properties);
        return registry;
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop();
        }
    }

    @Test
    void answersNoPublishedRunUntilCurrentNamesAFile() {
        TestWarehouse warehouse = TestWarehouse.at(dir);
        DatabaseRegistry r = registry(warehouse);
        r.start();
        assertThatThrownBy(r::acquire).isInstanceOf(NoPublishedRunException.class)
                .hasMessageContaining("no published run yet in " + dir + ": run bin/encours pipeline");
        warehouse.publish("run-1", LocalDate.of(2025, 6, 30));
        r.refresh();
        ServedDatabase db = r.acquire();
        try {
            assertThat(db.stamp().runId()).isEqualTo("run-1");
            assertThat(db.stamp().snapshotDate()).isEqualTo(LocalDate.of(2025, 6, 30));
        } finally {
            db.release();
        }
    }

    @Test
    void opensTheFileReadOnly() {
        TestWarehouse warehouse = TestWarehouse.at(dir);
        warehouse.publish("run-1", LocalDate.of(2025, 6, 30));
        DatabaseRegistry r = registry(warehouse);
        r.start();
        ServedDatabase db = r.acquire();
        try {
            assertThatThrownBy(() -> db.jdbcTemplate().execute("CREATE TABLE x (a INTEGER)"))
                    .isInstanceOf(UncategorizedSQLException.class)
                    .hasMessageContaining("read-only");
            assertThat(db.jdbcTemplate().queryForObject("SELECT current_setting('access_mode')", String.class))
                    .isEqualTo("read_only");
        } finally {
            db.release();
        }
    }

    @Test
    void switchesAndClosesTheOldFileOnlyAfterItsLastUserLeaves() {
        TestWarehouse warehouse = TestWarehouse.at(dir);
        warehouse.publish("run-1", LocalDate.of(2025, 6, 30));
        DatabaseRegistry r = registry(warehouse);
        r.start();
        ServedDatabase inFlight = r.acquire();

        warehouse.publish("run-2", LocalDate.of(2025, 7, 31));
        r.refresh();

        ServedDatabase fresh = r.acquire();
        assertThat(fresh.stamp().runId()).isEqualTo("run-2");
        fresh.release();
        // The request that started on run-1 still reads run-1.
        assertThat(inFlight.isClosed()).isFalse();
        assertThat(inFlight.jdbcTemplate().queryForObject("SELECT run_id FROM run_meta", String.class))
                .isEqualTo("run-1");
        inFlight.release();
        assertThat(inFlight.isClosed()).isTrue();
        assertThat(inFlight.tryAcquire()).isFalse();
    }

    @Test
    void keepsServingTheOldFileWhenTheNewOneIsCorruptOrMissing() throws Exception {
        TestWarehouse warehouse = TestWarehouse.at(dir);
        warehouse.publish("run-1", LocalDate.of(2025, 6, 30));
        DatabaseRegistry r = registry(warehouse);
        r.start();

        warehouse.corrupt("encours-run-2.duckdb");
        warehouse.point("encours-run-2.duckdb");
        r.refresh();
        r.refresh();
        assertThat(r.currentStamp().orElseThrow().runId()).isEqualTo("run-1");

        warehouse.point("encours-missing.duckdb");
        r.refresh();
        assertThat(r.currentStamp().orElseThrow().runId()).isEqualTo("run-1");

        warehouse.point("../escape.duckdb");
        r.refresh();
        assertThat(r.currentStamp().orElseThrow().runId()).isEqualTo("run-1");

        // A file without run_meta is not a published database either.
        Path noMeta = warehouse.build("run-3", LocalDate.of(2025, 8, 31), s -> s.execute("DROP TABLE run_meta"));
        warehouse.point(noMeta.getFileName().toString());
        r.refresh();
        assertThat(r.currentStamp().orElseThrow().runId()).isEqualTo("run-1");

        // A good file afterwards is picked up.
        warehouse.publish("run-4", LocalDate.of(2025, 9, 30));
        r.refresh();
        assertThat(r.currentStamp().orElseThrow().runId()).isEqualTo("run-4");
        assertThat(Files.exists(warehouse.dbFolder().resolve("CURRENT"))).isTrue();
    }

    @Test
    void pollsThePointerByItself() throws Exception {
        TestWarehouse warehouse = TestWarehouse.at(dir);
        EncoursProperties properties = new EncoursProperties(warehouse.root(), 8080,
                new EncoursProperties.Database(Duration.ofMillis(50), 2, Duration.ofSeconds(2), 1, "64MB"),
                new EncoursProperties.Security(EncoursProperties.Mode.DEMO, null, Duration.ZERO,
                        new EncoursProperties.Jwt(null, null, null, null, "roles", "entities", "collector_id", "sub")),
                new EncoursProperties.OpenApi(false));
        registry = new DatabaseRegistry(properties);
        registry.start();
        warehouse.publish("run-1", LocalDate.of(2025, 6, 30));
        long deadline = System.currentTimeMillis() + 5000;
        while (registry.currentStamp().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(registry.currentStamp()).map(RunStamp::runId).contains("run-1");
    }

    @Test
    void dimensionsGiveTheSmallestIds() {
        TestWarehouse warehouse = TestWarehouse.at(dir);
        warehouse.publish("run-1", LocalDate.of(2025, 6, 30));
        DatabaseRegistry r = registry(warehouse);
        r.start();
        ServedDatabase db = r.acquire();
        try {
            assertThat(db.dimensions().entityIds()).isEqualTo(List.of("ENT-01", "ENT-02", "ENT-03"));
            assertThat(db.dimensions().smallestEntityId()).contains("ENT-01");
            assertThat(db.dimensions().smallestCollectorId()).contains("COL-01");
            assertThat(db.dimensions().debtor("D-003")).hasValueSatisfying(d -> {
                assertThat(d.entityId()).isEqualTo("ENT-01");
                assertThat(d.collectorId()).isNull();
            });
        } finally {
            db.release();
        }
    }
}
