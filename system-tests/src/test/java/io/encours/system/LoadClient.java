package io.encours.system;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on the API: each thread sends the next request as soon as the previous one
 * answers, cycling through a list of endpoints. Every answer that is not a 200 with a run id in
 * its body counts as a failure and is kept for the report; the run ids served are collected so a
 * test can show it saw the switch.
 */
final class LoadClient {
    private final ApiProcess api;
    private final List<String> paths;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Set<String> runIds = ConcurrentHashMap.newKeySet();
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile long stopNanos;

    LoadClient(ApiProcess api, List<String> paths, int threadCount) {
        this.api = api;
        this.paths = List.copyOf(paths);
        for (int t = 0; t < threadCount; t++) {
            int offset = t;
            Thread thread = new Thread(() -> loop(offset), "load-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop(int offset) {
        for (int i = offset; running.get(); i++) {
            String path = paths.get(i % paths.size());
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = api.get(path);
                latenciesMicros.add((System.nanoTime() - start) / 1_000);
                requests.incrementAndGet();
                if (response.statusCode() != 200) {
                    failures.add(path + " → " + response.statusCode() + " " + abbreviate(response.body()));
                    continue;
                }
                ApiProcess.runIdOf(response.body()).ifPresentOrElse(runIds::add,
                        () -> failures.add(path + " → 200 without a runId: " + abbreviate(response.body())));
            } catch (java.io.IOException e) {
                requests.incrementAndGet();
                failures.add(path + " → " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    long requests() {
        return requests.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    Set<String> runIds() {
        return Set.copyOf(runIds);
    }

    /** The q-quantile of the latencies so far, in milliseconds. */
    double latencyMillis(double q) {
        List<Long> sorted;
        synchronized (latenciesMicros) {
            sorted = new ArrayList<>(latenciesMicros);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }

    /** Seconds from the start to {@link #stop} (or to now). */
    double seconds() {
        return ((stopNanos == 0 ? System.nanoTime() : stopNanos) - startNanos) / 1e9;
    }

    /** Stops sending and waits for the requests in flight. */
    void stop() {
        running.set(false);
        stopNanos = System.nanoTime();
        for (Thread thread : threads) {
            try {
                thread.join(35_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
