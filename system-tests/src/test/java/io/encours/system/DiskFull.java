package io.encours.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A disk that fills up while the pipeline publishes. Where mounting is allowed (root with
 * CAP_SYS_ADMIN, as in CI here), {@code <warehouse>/db} becomes a small tmpfs holding the current
 * database and room for half another: the new database cannot be written ("No space left on
 * device"). Elsewhere, the pipeline runs under a file-size limit (RLIMIT_FSIZE, which the JVM
 * turns into "File too large" errors rather than a signal) below the database's size and above
 * any Parquet file of the sample: a failing write, from the operating system, at the same place.
 */
final class DiskFull {
    private DiskFull() {
    }

    /** How the pipeline is started so that its publish runs out of space, and what it then says. */
    interface Mode {
        Launched start(Supplier<List<String>> pipelineArgs, Path log);

        String expectedError();
    }

    static Mode arrange(Path warehouse) {
        Path db = warehouse.resolve("db");
        Path current = Published.database(warehouse);
        long databaseBytes = size(current);
        Path staging = warehouse.resolveSibling("db-tmpfs");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long tmpfsBytes = databaseBytes + databaseBytes / 2;
        if (sh("mount", "-t", "tmpfs", "-o", "size=" + tmpfsBytes, "tmpfs", staging.toString())) {
            try {
                Files.copy(db.resolve("CURRENT"), staging.resolve("CURRENT"));
                Files.copy(current, staging.resolve(current.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!sh("mount", "--bind", staging.toString(), db.toString())) {
                throw new AssertionError("cannot bind the tmpfs onto " + db);
            }
            return new Mode() {
                @Override
                public Launched start(Supplier<List<String>> pipelineArgs, Path log) {
                    return Product.start(log, Map.of(), "pipeline", pipelineArgs.get().toArray(String[]::new));
                }

                @Override
                public String expectedError() {
                    return "(?i)no space left on device";
                }
            };
        }
        long limitKiB = databaseBytes / 2 / 1024;
        return new Mode() {
            @Override
            public Launched start(Supplier<List<String>> pipelineArgs, Path log) {
                List<String> line = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + limitKiB + " && exec \"$0\" \"$@\"",
                        Product.home().resolve("bin/encours").toString(), "pipeline"));
                line.addAll(pipelineArgs.get());
                return Product.run(line, log, Map.of());
            }

            @Override
            public String expectedError() {
                return "(?i)file too large";
            }
        };
    }

    /** Undoes {@link #arrange} (lazily: the API may still hold the database open). */
    static void release(Path warehouse) {
        if (warehouse == null) {
            return;
        }
        Path db = warehouse.resolve("db");
        Path staging = warehouse.resolveSibling("db-tmpfs");
        if (isMountPoint(db)) {
            sh("umount", "-l", db.toString());
        }
        if (isMountPoint(staging)) {
            sh("umount", "-l", staging.toString());
        }
    }

    private static boolean isMountPoint(Path dir) {
        try {
            return Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8).stream()
                    .anyMatch(line -> line.split(" ")[1].equals(dir.toAbsolutePath().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a system command quietly; true when it succeeded. */
    private static boolean sh(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
