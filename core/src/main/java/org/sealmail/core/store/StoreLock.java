package org.sealmail.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's writer lock: an exclusive lock on the store's {@code .lock} file against other
 * processes, and a lock per lock file against other threads of this JVM (a JVM may hold a file
 * lock only once; a second {@code FileChannel.lock} on the same file throws
 * OverlappingFileLockException instead of waiting).
 */
final class StoreLock implements AutoCloseable {

    private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final FileChannel channel;
    private final FileLock processes;

    private StoreLock(ReentrantLock threads, FileChannel channel, FileLock processes) {
        this.threads = threads;
        this.channel = channel;
        this.processes = processes;
    }

    /**
     * Waits until this thread holds the lock; the lock file is created 0600 when missing. A symbolic
     * link in its place is not followed but fails.
     */
    static StoreLock acquire(Path lockFile) throws IOException {
        // Keyed by the real folder, so two paths to one store share a lock. Taken before the file
        // is opened: closing any descriptor of a file drops all of this process's POSIX locks on
        // it, so no thread may open the lock file while another thread holds it.
        Path key = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        ReentrantLock threads = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        threads.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PrivateFiles.fileAttributes(lockFile.getParent()));
            return new StoreLock(threads, channel, channel.lock());
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException notClosed) {
                    e.addSuppressed(notClosed);
                }
            }
            threads.unlock();
            throw e;
        }
    }

    /** Releases the lock. Closing the channel releases the file lock even where release() failed. */
    @Override
    public void close() {
        try {
            try {
                processes.release();
            } finally {
                channel.close();
            }
        } catch (IOException ignored) {
            // The descriptor is closed or the process ends; either frees the file lock.
        } finally {
            threads.unlock();
        }
    }
}
