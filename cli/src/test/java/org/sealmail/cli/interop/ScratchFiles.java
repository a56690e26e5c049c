package org.sealmail.cli.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Uniquely named files in one folder: the inputs handed to, and outputs read from, a peer. */
final class ScratchFiles {

    private final Path dir;

    ScratchFiles(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    Path write(String prefix, String suffix, byte[] content) {
        try {
            return Files.write(Files.createTempFile(dir, prefix, suffix), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name for a file a peer will create; nothing exists there yet. */
    Path fresh(String prefix, String suffix) {
        Path file = write(prefix, suffix, new byte[0]);
        delete(file);
        return file;
    }

    byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code tree} and everything below it. */
    static void deleteTree(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
