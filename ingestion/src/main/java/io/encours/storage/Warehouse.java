package io.encours.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;

/**
 * Run folders under one area of the warehouse ({@code curated}, {@code analytics}), each
 * complete only once its {@code _SUCCESS} marker is written, and a {@code CURRENT} pointer
 * switched atomically to the last good run. Readers resolve the pointer and never see a
 * half-written run.
 */
public final class Warehouse {
    public static final String SUCCESS = "_SUCCESS";
    public static final String FAILED = "_FAILED";
    public static final String CURRENT = "CURRENT";
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final org.apache.hadoop.fs.Path area;
    private final FileSystem fs;
    private final Configuration conf;

    public Warehouse(String warehouse, String areaName, Configuration conf) {
        this.area = new org.apache.hadoop.fs.Path(warehouse, areaName);
        this.conf = conf;
        try {
            this.fs = area.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open warehouse " + warehouse, e);
        }
    }

    /** A new, sortable, unique run id. */
    public static String newRunId() {
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return RUN_ID.format(Instant.now()) + "-" + HexFormat.of().formatHex(suffix);
    }

    public org.apache.hadoop.fs.Path runPath(String runId) {
        return new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(area, "runs"), runId);
    }

    public String runUri(String runId) {
        return fs.makeQualified(runPath(runId)).toString();
    }

    /** The run CURRENT points to, if any. */
    public Optional<String> current() {
        org.apache.hadoop.fs.Path pointer = new org.apache.hadoop.fs.Path(area, CURRENT);
        try {
            if (!fs.exists(pointer)) {
                return Optional.empty();
            }
            try (FSDataInputStream in = fs.open(pointer)) {
                String runId = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return runId.isEmpty() ? Optional.empty() : Optional.of(runId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer, e);
        }
    }

    public void writeFile(String runId, String name, String content) {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(runPath(runId), name);
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Marks the run complete and points CURRENT at it, atomically. */
    public void publish(String runId) {
        writeFile(runId, SUCCESS, "");
        org.apache.hadoop.fs.Path pointer = new org.apache.hadoop.fs.Path(area, CURRENT);
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(area, CURRENT + "." + runId + ".tmp");
        try {
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
            }
            URI uri = fs.makeQualified(area).toUri();
            if ("file".equals(uri.getScheme())) {
                // Local disk: a POSIX rename replaces the pointer atomically.
                Path dir = Paths.get(uri);
                Files.move(dir.resolve(tmp.getName()), dir.resolve(CURRENT),
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                FileContext.getFileContext(uri, conf).rename(tmp, pointer, Options.Rename.OVERWRITE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch " + pointer + " to run " + runId, e);
        }
    }

    /** Marks a run as failed: kept for diagnosis, never read. */
    public void markFailed(String runId, String reason) {
        writeFile(runId, FAILED, reason + "\n");
    }

    /**
     * Deletes run folders left by interrupted runs (neither _SUCCESS nor _FAILED) and keeps the
     * newest {@code keep} finished runs, never deleting the current one.
     *
     * @return the run ids deleted
     */
    public List<String> cleanUp(int keep, String exceptRunId) {
        org.apache.hadoop.fs.Path runs = new org.apache.hadoop.fs.Path(area, "runs");
        List<String> deleted = new ArrayList<>();
        try {
            if (!fs.exists(runs)) {
                return deleted;
            }
            String current = current().orElse("");
            FileStatus[] children = fs.listStatus(runs);
            List<FileStatus> finished = new ArrayList<>();
            for (FileStatus child : children) {
                String id = child.getPath().getName();
                if (!child.isDirectory() || id.equals(exceptRunId) || id.equals(current)) {
                    continue;
                }
                boolean done = fs.exists(new org.apache.hadoop.fs.Path(child.getPath(), SUCCESS))
                        || fs.exists(new org.apache.hadoop.fs.Path(child.getPath(), FAILED));
                if (done) {
                    finished.add(child);
                } else {
                    fs.delete(child.getPath(), true);
                    deleted.add(id);
                }
            }
            finished.sort(Comparator.comparing((FileStatus s) -> s.getPath().getName()).reversed());
            // The current run counts as one of the kept runs.
            for (FileStatus old : finished.subList(Math.min(finished.size(), Math.max(0, keep - 1)),
                    finished.size())) {
                fs.delete(old.getPath(), true);
                deleted.add(old.getPath().getName());
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + runs, e);
        }
    }

    /** Names of the entries of a folder, sorted (for listing snapshots and files). */
    public static List<String> list(FileSystem fs, org.apache.hadoop.fs.Path dir) throws IOException {
        return Arrays.stream(fs.listStatus(dir)).map(s -> s.getPath().getName()).sorted().toList();
    }
}
