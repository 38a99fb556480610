package io.encours.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the product lives (the repository's root) and how a user starts it: {@code bin/encours}. */
final class Product {
    private Product() {
    }

    /** The repository's root (surefire sets {@code encours.home}; else the working directory's parent). */
    static Path home() {
        String configured = System.getProperty("encours.home");
        Path home = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return home.toAbsolutePath().normalize();
    }

    /** The committed sample's snapshot root. */
    static Path sample() {
        return home().resolve("data-samples/sample");
    }

    /** A scratch folder under system-tests/target, emptied first. */
    static Path scratch(String name) {
        Path dir = home().resolve("system-tests/target/system").resolve(name);
        Disk.deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Starts {@code bin/encours COMMAND ARGS…} with its output in {@code log}. Inside a Maven build
     * the jars are there: never start a nested build. Spark gets a 3 GiB heap (the sample needs
     * far less; two such processes and the API fit this machine).
     */
    static Launched start(Path log, Map<String, String> env, String command, String... args) {
        List<String> line = new ArrayList<>(List.of(home().resolve("bin/encours").toString(), command));
        line.addAll(List.of(args));
        return run(line, log, env);
    }

    /** Runs a command line (starting with bin/encours, possibly behind a wrapper) from the repository's root. */
    static Launched run(List<String> line, Path log, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ENCOURS_NO_BUILD", "1");
        builder.environment().put("ENCOURS_SPARK_HEAP", "3g");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new Launched(String.join(" ", line), process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + line, e);
        }
    }

    /** The pipeline on a snapshot root into a warehouse, with options shared by every system test. */
    static Launched pipeline(Path log, Path snapshotRoot, Path warehouse, String master, String... extra) {
        return start(log, Map.of(), "pipeline",
                pipelineArgs(snapshotRoot, warehouse, master, extra).toArray(String[]::new));
    }

    /** The pipeline's arguments (after the command name). */
    static List<String> pipelineArgs(Path snapshotRoot, Path warehouse, String master, String... extra) {
        List<String> args = new ArrayList<>(List.of("--snapshot-root", snapshotRoot.toString(),
                "--warehouse", warehouse.toString(), "--master", master,
                // Four weekly cutoffs instead of 26: the backtest's cost, not its logic, is cut.
                "--backtest-cutoffs", "4"));
        args.addAll(List.of(extra));
        return args;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
