package io.encours.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on loopback (a Master and two one-core Workers, each its own JVM)
 * started and stopped by {@code scripts/spark-cluster.sh}, exactly as a user would.
 */
final class SparkCluster implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int uiPort;
    private final String masterUrl;

    private SparkCluster(Path dir, int port, int uiPort, String masterUrl) {
        this.dir = dir;
        this.port = port;
        this.uiPort = uiPort;
        this.masterUrl = masterUrl;
    }

    static SparkCluster start(Path dir, int workers) {
        int port = Product.freePort();
        int uiPort = Product.freePort();
        String out = script(dir, port, uiPort, "start", "--workers", Integer.toString(workers), "--cores", "1",
                "--memory", "2g");
        String url = out.lines().filter(l -> l.startsWith("spark://")).findFirst()
                .orElseThrow(() -> new AssertionError("spark-cluster.sh start printed no master URL:\n" + out));
        return new SparkCluster(dir, port, uiPort, url);
    }

    String masterUrl() {
        return masterUrl;
    }

    /** Worker i's work folder: one app-* folder per application whose executor ran there. */
    Path workerWorkDir(int i) {
        return dir.resolve("work/worker-" + i);
    }

    @Override
    public void close() {
        script(dir, port, uiPort, "stop");
    }

    private static String script(Path dir, int port, int uiPort, String... args) {
        List<String> line = new java.util.ArrayList<>(List.of(Product.home().resolve("scripts/spark-cluster.sh").toString()));
        line.addAll(List.of(args));
        line.addAll(List.of("--dir", dir.toString()));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("ENCOURS_CLUSTER_PORT", Integer.toString(port));
        builder.environment().put("ENCOURS_CLUSTER_UI_PORT", Integer.toString(uiPort));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("spark-cluster.sh " + String.join(" ", args) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
