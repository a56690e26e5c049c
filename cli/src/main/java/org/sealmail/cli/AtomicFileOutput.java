package org.sealmail.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes to a temp file beside the target and renames it into place only on {@link #commit()}:
 * readers see the old file or the whole new one, never half of it. Closing without a commit
 * deletes the temp file. The temp file is private to its owner (as {@code createTempFile} makes it).
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

    static AtomicFileOutput create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        return new AtomicFileOutput(absolute, temp, channel);
    }

    OutputStream stream() {
        return stream;
    }

    /** Forces the bytes to disk and renames the temp file over the target. */
    void commit() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temp);
        }
    }
}
