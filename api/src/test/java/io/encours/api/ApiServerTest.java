package io.encours.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.api.testing.Fixtures;
import io.encours.api.testing.TestWarehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port (demo profile) over a fixture warehouse, through real
 * HTTP: 503 before any run, the smoke path, OpenAPI, then the hot switch of CURRENT under load
 * and a corrupt file that must not replace the served one. Ordered: each step builds on the
 * previous warehouse state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "encours.database.poll-interval=100ms")
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiServerTest {

    private static final TestWarehouse WAREHOUSE = TestWarehouse.at(Fixtures.tempDir("encours-server"));
    private static final Pattern RUN_ID = Pattern.compile("\"runId\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("encours.warehouse", () -> WAREHOUSE.root().toString());
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String user, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET();
        if (user != null) {
            request.header("Authorization", Fixtures.basic(user, user));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return get(path, user, null);
    }

    private static String runId(HttpResponse<String> response) {
        Matcher m = RUN_ID.matcher(response.body());
        return m.find() ? m.group(1) : null;
    }

    /** Waits (bounded) until the poller serves {@code runId}. */
    private void awaitRun(String runId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get("/api/v1/meta", "cfo");
            if (r.statusCode() == 200 && runId.equals(runId(r))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " not served within 10 s");
    }

    @Test
    @Order(1)
    void beforeAnyRunHealthIsUpAndAnalyticsAre503() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details", "components");

        HttpResponse<String> meta = get("/api/v1/meta", "cfo");
        assertThat(meta.statusCode()).isEqualTo(503);
        assertThat(meta.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(meta.body()).contains("no published run yet in " + WAREHOUSE.root() + ": run bin/encours pipeline");
    }

    @Test
    @Order(2)
    void servesTheFirstPublishedRun() throws Exception {
        WAREHOUSE.publish("run-a", LocalDate.of(2025, 6, 30));
        awaitRun("run-a");
        HttpResponse<String> meta = get("/api/v1/meta", "analyst");
        assertThat(meta.statusCode()).isEqualTo(200);
        assertThat(meta.body()).startsWith("{\"snapshotDate\":\"2025-06-30\",\"runId\":\"run-a\",");
        HttpResponse<String> csv = get("/api/v1/meta", "collector", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        assertThat(csv.body()).startsWith("table,read,accepted,rejected,duplicatesCollapsed\r\n");
    }

    @Test
    @Order(3)
    void smoke() throws Exception {
        assertThat(get("/api/v1/meta", null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = get("/api/v1/unknown", "cfo");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"status\":404");
        // No actuator endpoint but health.
        assertThat(get("/actuator/env", "cfo").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans", "cfo").statusCode()).isEqualTo(404);
        // A request the servlet container or the firewall rejects is a problem too.
        HttpResponse<String> rejected = get("/api/v1/%2e%2e/meta", "cfo");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    @Order(4)
    void openApiAndSwaggerUiNeedAuthentication() throws Exception {
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        HttpResponse<String> docs = get("/v3/api-docs", "analyst");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/v1/meta\"", "\"Problem\"", "application/problem+json",
                "\"basicAuth\"", "\"text/csv\"");
        assertThat(docs.body()).contains("\"/api/v1/dso\"", "\"/api/v1/cei\"", "\"/api/v1/delays\"",
                "\"/api/v1/unpaid-rate\"", "\"/api/v1/aged-balance\"", "\"/api/v1/benchmarks\"",
                "\"/api/v1/scenarios/effectiveness\"", "\"/api/v1/collectors/performance\"",
                "\"/api/v1/promises\"", "\"/api/v1/worklists/{collectorId}\"", "\"/api/v1/forecast\"",
                "\"/api/v1/forecast/backtest\"", "\"/api/v1/forecast/export\"", "application/vnd.apache.parquet");
        assertThat(docs.body()).doesNotContain("/actuator");
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(401);
        assertThat(get("/swagger-ui/index.html", "cfo").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void switchesToANewRunWhileRequestsRunAndNoneFails() throws Exception {
        int threads = 2;
        int requestsPerThread = 200;
        AtomicInteger done = new AtomicInteger();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> loops = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                loops.add(pool.submit(() -> {
                    for (int i = 0; i < requestsPerThread; i++) {
                        try {
                            HttpResponse<String> r = get("/api/v1/meta", "cfo");
                            if (r.statusCode() != 200) {
                                failures.add(r.statusCode() + " " + r.body());
                            } else {
                                served.computeIfAbsent(runId(r), k -> new AtomicInteger()).incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            // Publish the second run once the loops are under way.
            while (done.get() < 60) {
                Thread.sleep(5);
            }
            WAREHOUSE.publish("run-b", LocalDate.of(2025, 7, 31));
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).isEmpty();
        assertThat(served.keySet()).isSubsetOf("run-a", "run-b");
        awaitRun("run-b");
        assertThat(runId(get("/api/v1/meta", "cfo"))).isEqualTo("run-b");
    }

    @Test
    @Order(6)
    void aCorruptNewFileKeepsTheOldOneServed() throws Exception {
        WAREHOUSE.corrupt("encours-run-c.duckdb");
        WAREHOUSE.point("encours-run-c.duckdb");
        Thread.sleep(500); // several poll intervals
        HttpResponse<String> meta = get("/api/v1/meta", "cfo");
        assertThat(meta.statusCode()).isEqualTo(200);
        assertThat(runId(meta)).isEqualTo("run-b");
        // The next good publication is served.
        WAREHOUSE.publish("run-d", LocalDate.of(2025, 8, 31));
        awaitRun("run-d");
    }
}
