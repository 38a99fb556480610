package io.encours.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API as a user starts it ({@code bin/encours serve}), in its own JVM, with the demo users. */
final class ApiProcess implements AutoCloseable {
    private static final Pattern RUN_ID = Pattern.compile("\"runId\"\\s*:\\s*\"([^\"]+)\"");

    private final Launched process;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiProcess(Launched process, int port) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    static ApiProcess start(Path warehouse, Path log) {
        int port = Product.freePort();
        Launched launched = Product.start(log, Map.of("ENCOURS_API_THREADS", "4"), "serve",
                "--warehouse", warehouse.toString(), "--port", Integer.toString(port), "--profile", "demo");
        ApiProcess api = new ApiProcess(launched, port);
        launched.awaitCondition("a healthy API on port " + port, Duration.ofSeconds(90),
                () -> api.status("/actuator/health") == 200);
        return api;
    }

    URI base() {
        return base;
    }

    /** A GET as the demo GROUP_CFO (sees every entity). */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("cfo:cfo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET, or -1 when the API does not answer. */
    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The run a response body says it comes from. */
    static Optional<String> runIdOf(String body) {
        Matcher m = RUN_ID.matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The run the API serves now (from /api/v1/meta). */
    String servedRunId() {
        try {
            HttpResponse<String> response = get("/api/v1/meta");
            if (response.statusCode() != 200) {
                throw new AssertionError("/api/v1/meta answered " + response.statusCode() + ": " + response.body());
            }
            return runIdOf(response.body()).orElseThrow(() -> new AssertionError("no runId in " + response.body()));
        } catch (IOException e) {
            throw new AssertionError("the API does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
