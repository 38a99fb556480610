package io.encours.ingestion;

import io.encours.contract.Contract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Finds the snapshot to ingest under a root: the latest, or the one asked for. */
public final class SnapshotLocator {
    private SnapshotLocator() {
    }

    /** A snapshot folder and its date T. */
    public record Snapshot(String path, LocalDate date) {
    }

    public static Snapshot locate(String root, LocalDate requested, Configuration conf) {
        Path rootPath = new Path(root);
        try {
            FileSystem fs = rootPath.getFileSystem(conf);
            if (!fs.exists(rootPath)) {
                throw new InputException("snapshot root " + root + " does not exist");
            }
            TreeMap<LocalDate, Path> snapshots = new TreeMap<>();
            for (FileStatus status : fs.listStatus(rootPath)) {
                String name = status.getPath().getName();
                if (status.isDirectory() && name.startsWith(Contract.SNAPSHOT_PREFIX)) {
                    try {
                        snapshots.put(LocalDate.parse(name.substring(Contract.SNAPSHOT_PREFIX.length())),
                                status.getPath());
                    } catch (DateTimeParseException e) {
                        // Not a snapshot folder (e.g. snapshot_date=tmp): ignored.
                    }
                }
            }
            if (snapshots.isEmpty()) {
                throw new InputException("no " + Contract.SNAPSHOT_PREFIX + "YYYY-MM-DD folder under "
                        + root);
            }
            if (requested == null) {
                var latest = snapshots.lastEntry();
                return new Snapshot(fs.makeQualified(latest.getValue()).toString(), latest.getKey());
            }
            Path chosen = snapshots.get(requested);
            if (chosen == null) {
                throw new InputException("no snapshot dated " + requested + " under " + root
                        + "; available: " + List.copyOf(snapshots.keySet()));
            }
            return new Snapshot(fs.makeQualified(chosen).toString(), requested);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshot root " + root, e);
        }
    }
}
