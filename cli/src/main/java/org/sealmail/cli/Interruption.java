package org.sealmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens when the tool is stopped midway (SIGTERM from a mail server's timeout, Ctrl-C):
 * the temp files of unfinished {@code --out} files are removed, one line goes to stderr and the
 * exit code is 75, so the sender retries and nothing half-written stays behind. One shutdown hook
 * does all of it, so the exit code cannot win a race against the cleanup.
 */
final class Interruption {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static volatile boolean finished;
    private static volatile boolean delivered;

    private Interruption() {
    }

    /** Installs the hook; for {@link Main#main} only (tests that call Main.run do not exit). */
    static void install(PrintStream stderr) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished) {
                return;
            }
            if (delivered) {
                // The message is stored: a 75 now would make the mail server deliver it twice.
                Runtime.getRuntime().halt(ExitCode.OK);
            }
            PENDING.forEach(Interruption::deleteQuietly);
            stderr.println("sealmail: stopped before finishing (SIGTERM or Ctrl-C); nothing half-written is left; run it again");
            stderr.flush();
            // halt, not exit: called from a shutdown hook, and sets the code the sender acts on.
            Runtime.getRuntime().halt(ExitCode.TEMPORARY_FAILURE);
        }, "sealmail-interrupted"));
    }

    /** The command is done: an exit from now on is the normal one. */
    static void finish() {
        finished = true;
    }

    /** The message a delivery was for is stored: stopping from now on is a success, not a retry. */
    static void delivered() {
        delivered = true;
    }

    /** A temp file to remove if the tool is stopped before it is renamed into place or deleted. */
    static void pending(Path temp) {
        PENDING.add(temp);
    }

    static void settled(Path temp) {
        PENDING.remove(temp);
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Nothing more can be done while the JVM stops.
        }
    }
}
