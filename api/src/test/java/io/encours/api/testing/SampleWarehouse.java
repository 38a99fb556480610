package io.encours.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The warehouse the real pipeline publishes from the committed sample, built once per test JVM
 * by running {@code bin/encours pipeline} in its own process (this module has no Spark on its
 * classpath; the reactor packages analytics first). It lands in {@code api/target/sample-warehouse}
 * and stays there after the build, so the notebooks can be executed against it.
 */
public final class SampleWarehouse {
    private static final long TIMEOUT_MINUTES = 20;
    private static Path root;

    private SampleWarehouse() {
    }

    /** The repository's root folder (surefire sets {@code encours.home}; else the working directory's parent). */
    public static Path home() {
        String configured = System.getProperty("encours.home");
        Path home = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return home.toAbsolutePath().normalize();
    }

    /** The warehouse root holding {@code db/CURRENT}; runs the pipeline on first use. */
    public static synchronized Path root() {
        if (root == null) {
            root = build();
        }
        return root;
    }

    /** The published DuckDB file of the sample run. */
    public static Path database() {
        Path db = root().resolve("db");
        try {
            return db.resolve(Files.readString(db.resolve("CURRENT"), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build() {
        Path home = home();
        Path target = home.resolve("api/target/sample-warehouse");
        Path log = home.resolve("api/target/sample-warehouse-pipeline.log");
        try {
            deleteRecursively(target);
            Files.createDirectories(target.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/encours").toString(), "pipeline",
                    "--snapshot-root", home.resolve("data-samples/sample").toString(),
                    "--warehouse", target.toString(), "--master", "local[2]"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Inside a Maven build the jars are there; never start a nested build.
            builder.environment().put("ENCOURS_NO_BUILD", "1");
            builder.environment().put("ENCOURS_SPARK_HEAP", "3g");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the sample pipeline took over " + TIMEOUT_MINUTES + " min; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the sample pipeline failed with exit code " + process.exitValue()
                        + "; last lines of " + log + ":\n" + tail(log, 30));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the sample pipeline", e);
        }
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
