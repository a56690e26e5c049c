package org.sealmail.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forcing a folder to disk, so that a rename in it survives a power loss. */
final class Durable {

    private Durable() {
    }

    /** Forces {@code folder}; a failure is reported, since mail is only delivered once this worked. */
    static void folder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
