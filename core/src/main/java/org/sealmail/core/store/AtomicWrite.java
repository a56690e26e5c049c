package org.sealmail.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Replaces a file so that a reader sees the old content or the new, never a mix, and so that the
 * new content survives a crash once {@link #replace} returns: the bytes go to a 0600 temp file in
 * the same folder, are forced to disk, and the temp file is renamed over the target; then the
 * folder is forced so the rename itself is durable.
 */
final class AtomicWrite {

    /** Temp files are named {@code .write-<random>.tmp}: hidden, and never ending in ".account". */
    static final String TEMP_PREFIX = ".write-";
    static final String TEMP_SUFFIX = ".tmp";

    /** Called once half the bytes are in the temp file; lets a test fail a write deterministically. */
    @FunctionalInterface
    interface Midway {
        void reached(Path temp) throws IOException;
    }

    private final Midway midway;

    AtomicWrite() {
        this(temp -> { });
    }

    AtomicWrite(Midway midway) {
        this.midway = Objects.requireNonNull(midway, "midway");
    }

    /** Writes {@code content} to {@code target}; on failure the target is untouched and no temp file remains. */
    void replace(Path target, byte[] content) throws IOException {
        Path folder = target.getParent();
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX, PrivateFiles.fileAttributes(folder));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                int half = content.length / 2;
                writeFully(channel, ByteBuffer.wrap(content, 0, half));
                midway.reached(temp);
                writeFully(channel, ByteBuffer.wrap(content, half, content.length - half));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException notDeleted) {
                e.addSuppressed(notDeleted);
            }
            throw e;
        }
        forceFolder(folder);
    }

    /**
     * Deletes temp files left by a writer that crashed. Only safe while holding the lock every
     * writer of {@code folder} takes, so that no temp file can belong to a write in progress.
     * Failures are ignored: a leftover costs some disk space, never correctness.
     */
    static void removeLeftovers(Path folder) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException ignored) {
            // see above
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Windows cannot open a folder as a channel. The rename has happened either way;
            // only its durability across a power loss is left to the file system there.
        }
    }
}
