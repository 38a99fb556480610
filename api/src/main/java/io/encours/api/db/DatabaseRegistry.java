package io.encours.api.db;

import io.encours.api.config.EncoursProperties;
import io.encours.api.web.error.NoPublishedRunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Knows which database file is served and switches when {@code <warehouse>/db/CURRENT} changes.
 *
 * <p>A poller checks the pointer every {@code encours.database.poll-interval}. On a change it
 * opens the new file read-only and checks it ({@code run_meta}); only then it swaps the served
 * database atomically, so new requests use the new file, and gives up the registry's reference
 * on the old one, which closes when the last in-flight request that holds it finishes. A file
 * that cannot be opened or checked is not served: the old one stays, with one warning per
 * (name, size, modification time) so a broken file is not retried every second.
 */
public final class DatabaseRegistry implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRegistry.class);
    public static final String POINTER = "CURRENT";

    /** What the pointer named and the file's size and time, to notice a file rewritten in place. */
    private record FileVersion(String name, long size, long modified) {
    }

    private final EncoursProperties properties;
    private final Path dbFolder;
    private final AtomicReference<Served> current = new AtomicReference<>();
    private volatile FileVersion lastFailure;
    private volatile boolean pointerMissingWarned;
    private ScheduledExecutorService poller;

    private record Served(ServedDatabase database, FileVersion version) {
    }

    public DatabaseRegistry(EncoursProperties properties) {
        this.properties = properties;
        this.dbFolder = properties.databaseFolder().toAbsolutePath().normalize();
    }

    /**
     * The served database with a reference taken for the caller, who must
     * {@link ServedDatabase#release()} it. Throws {@link NoPublishedRunException} (503) before any
     * run was published.
     */
    public ServedDatabase acquire() {
        while (true) {
            Served served = current.get();
            if (served == null) {
                throw new NoPublishedRunException(properties.warehouse());
            }
            if (served.database().tryAcquire()) {
                return served.database();
            }
            // Closed between get() and tryAcquire(): it was just replaced; read again.
            Thread.onSpinWait();
        }
    }

    /** The served run, if any (no reference taken: for logs and health). */
    public Optional<RunStamp> currentStamp() {
        return Optional.ofNullable(current.get()).map(s -> s.database().stamp());
    }

    public Path databaseFolder() {
        return dbFolder;
    }

    /** Checks the pointer now and switches if it changed. Called by the poller; tests call it too. */
    public synchronized void refresh() {
        Optional<FileVersion> pointed = readPointer();
        if (pointed.isEmpty()) {
            return;
        }
        FileVersion version = pointed.get();
        Served served = current.get();
        if (served != null && served.version().equals(version)) {
            return;
        }
        if (version.equals(lastFailure)) {
            return;
        }
        Path file = dbFolder.resolve(version.name());
        ServedDatabase opened;
        try {
            opened = ServedDatabase.open(file, properties.database().poolSize(),
                    properties.database().borrowTimeout(), properties.database().threads(),
                    properties.database().memoryLimit());
        } catch (Exception e) {
            lastFailure = version;
            LOG.warn("cannot serve {}: {}; {}", file, firstLine(e.getMessage()),
                    served == null ? "no run is served yet" : "still serving " + served.database());
            return;
        }
        lastFailure = null;
        current.set(new Served(opened, version));
        LOG.info("serving run {} (snapshot {}) from {}", opened.stamp().runId(),
                opened.stamp().snapshotDate(), file);
        if (served != null) {
            served.database().release();
        }
    }

    private Optional<FileVersion> readPointer() {
        Path pointer = dbFolder.resolve(POINTER);
        String name;
        try {
            name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            if (current.get() != null && !pointerMissingWarned) {
                pointerMissingWarned = true;
                LOG.warn("{} has disappeared; still serving {}", pointer, current.get().database());
            }
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", pointer, e.getMessage());
            return Optional.empty();
        }
        pointerMissingWarned = false;
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")
                || name.equals(".")) {
            FileVersion bad = new FileVersion(name, -1, -1);
            if (!bad.equals(lastFailure)) {
                lastFailure = bad;
                LOG.warn("{} must name a file in {} (got '{}'); ignored", pointer, dbFolder, name);
            }
            return Optional.empty();
        }
        Path file = dbFolder.resolve(name);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileVersion(name, attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            FileVersion missing = new FileVersion(name, -1, -1);
            if (!missing.equals(lastFailure)) {
                lastFailure = missing;
                Served served = current.get();
                LOG.warn("{} names {}, which does not exist; {}", pointer, file,
                        served == null ? "no run is served yet" : "still serving " + served.database());
            }
            return Optional.empty();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    // --- lifecycle: poll while the application runs --------------------------------------

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        if (!Files.isDirectory(dbFolder)) {
            LOG.warn("{} does not exist yet; answering 503 until a run is published", dbFolder);
        }
        refresh();
        if (current.get() == null) {
            LOG.warn("no published run yet in {}: run bin/encours pipeline", properties.warehouse());
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "encours-db-pointer");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, properties.database().pollInterval().toMillis());
        poller.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("checking {} failed: {}", POINTER, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        Served served = current.getAndSet(null);
        if (served != null) {
            served.database().release();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** Stops after the web server (which stops late, at a higher phase) has drained requests. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public String toString() {
        Served served = current.get();
        return "DatabaseRegistry[" + dbFolder + ", " + (served == null ? "nothing served" : Objects.toString(served.database())) + "]";
    }
}
