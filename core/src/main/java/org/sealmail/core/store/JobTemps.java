package org.sealmail.core.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a bulk job keeps in a Maildir's {@code tmp/} while it replaces a message:
 * {@code sealmail-P<pid>-Q<sequence>.part} (the new version) and {@code .guard} (a hard link
 * holding on to the original). The pid makes those of a killed run recognisable: a file is
 * stale when its process is gone, or when a process of that pid started after the file was last
 * changed (the pid was reused).
 */
final class JobTemps {

    private static final String PREFIX = "sealmail-P";
    private static final Pattern NAME = Pattern.compile("sealmail-P(\\d+)-Q\\d+\\.(part|guard)");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private JobTemps() {
    }

    static Path part(Path tmp) {
        return tmp.resolve(name("part"));
    }

    static Path guard(Path tmp) {
        return tmp.resolve(name("guard"));
    }

    private static String name(String kind) {
        return PREFIX + ProcessHandle.current().pid() + "-Q" + SEQUENCE.incrementAndGet() + "." + kind;
    }

    /** Removes the stale files of ours in {@code tmp}; returns how many. Other files are left alone. */
    static int removeStale(Path tmp) {
        int removed = 0;
        if (!Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && isStale(Long.parseLong(name.group(1)), file) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // A leftover costs disk space in tmp/, where no reader looks; never correctness.
        }
        return removed;
    }

    private static boolean isStale(long pid, Path file) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isPresent() && started.get().isAfter(lastChanged(file).toInstant());
    }

    /**
     * The inode change time where the file system has one: a job sets the original's mtime on its
     * files, so only the change time tells when it last touched them.
     */
    private static FileTime lastChanged(Path file) throws IOException {
        try {
            return (FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
