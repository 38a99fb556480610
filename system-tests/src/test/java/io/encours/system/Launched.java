package io.encours.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/** A product process started by a test: its exit, its log, and a hard kill of its whole tree. */
final class Launched implements AutoCloseable {
    private final String commandLine;
    private final Process process;
    private final Path log;

    Launched(String commandLine, Process process, Path log) {
        this.commandLine = commandLine;
        this.process = process;
        this.log = log;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit and returns its code; fails the test with the log's tail on a timeout. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killHard();
                throw new AssertionError(commandLine + " did not end within " + timeout + "; last lines of "
                        + log + ":\n" + Disk.tail(log, 30));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Exits 0 within the timeout, or the test fails with the log's tail. */
    void awaitSuccess(Duration timeout) {
        int code = awaitExit(timeout);
        if (code != 0) {
            throw new AssertionError(commandLine + " exited with " + code + "; last lines of " + log + ":\n"
                    + Disk.tail(log, 40));
        }
    }

    /** Waits until the log has a line matching {@code regex}; fails if the process ends first. */
    void awaitLog(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        awaitCondition("a log line matching /" + regex + "/", timeout, () -> pattern.matcher(Disk.read(log)).find());
    }

    /** Polls every 10 ms until the condition holds; fails if the process ends first or on timeout. */
    void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError(commandLine + " ended (exit " + process.exitValue() + ") before "
                        + what + "; last lines of " + log + ":\n" + Disk.tail(log, 30));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout + "; last lines of " + log + ":\n"
                        + Disk.tail(log, 30));
            }
            sleep(10);
        }
    }

    /**
     * SIGKILL to the launcher script and every process under it (the Spark JVM is the script's
     * child): what an OOM killer or a pulled plug does, no shutdown hook runs.
     */
    void killHard() {
        java.util.List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle child : tree) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a killed process did not end: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killHard();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
