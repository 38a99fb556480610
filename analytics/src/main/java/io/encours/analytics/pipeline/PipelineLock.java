package io.encours.analytics.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One pipeline run per warehouse at a time. An OS file lock (released by the OS if the process
 * dies, so a killed run never blocks the next one) on {@code <warehouse>/pipeline.lock}, which
 * also records who holds it for the refusal message.
 */
public final class PipelineLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private PipelineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link BusyException} naming the holder. */
    public static PipelineLock acquire(Path warehouse) {
        Path file = warehouse.resolve("pipeline.lock");
        try {
            Files.createDirectories(warehouse);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new BusyException("another pipeline run holds " + warehouse
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; try again when it ends");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since "
                    + Instant.now()).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new PipelineLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The warehouse is held by another run. */
    public static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BusyException(String message) {
            super(message);
        }
    }
}
