package org.sealmail.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Writes to a temp file beside the target and renames it into place only on {@link #commit()}:
 * readers see the old file or the whole new one, never half of it. Closing without a commit
 * deletes the temp file. The temp file is private to its owner (as {@code createTempFile} makes
 * it); a file that is replaced keeps its permissions.
 */
final class AtomicFileOutput implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private AtomicFileOutput(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        // Closing the stream must not close the channel before commit() forces it to disk.
        this.stream = new NonClosingOutputStream(Channels.newOutputStream(channel));
    }

    /** @param target a regular file or a name not yet taken; links already resolved */
    static AtomicFileOutput create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        Interruption.pending(temp);
        try {
            keepPermissions(absolute, temp);
            return new AtomicFileOutput(absolute, temp, FileChannel.open(temp, StandardOpenOption.WRITE));
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            Interruption.settled(temp);
            throw e;
        }
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null && Files.isRegularFile(target)) {
            Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
    }

    OutputStream stream() {
        return stream;
    }

    /** Forces the bytes to disk, renames the temp file over the target, and syncs the folder. */
    void commit() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        Interruption.settled(temp);
        syncFolder(target.getParent());
    }

    /** Makes the rename itself durable; some systems cannot open a folder for this, and that is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // The rename is done; only its durability across a power cut is left to the system.
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temp);
            Interruption.settled(temp);
        }
    }
}
