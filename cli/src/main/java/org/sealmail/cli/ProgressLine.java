package org.sealmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sealmail.core.store.MaildirJob;

/**
 * The progress of a bulk job as one line on stderr, rewritten in place at most a few times a
 * second: messages done/total, MB/s and the time left.
 */
final class ProgressLine implements MaildirJob.Listener {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintStream stderr;
    private final String prefix;
    private long lastShown = Long.MIN_VALUE;
    private boolean shown;

    ProgressLine(PrintStream stderr, String command) {
        this.stderr = stderr;
        this.prefix = "sealmail " + command + ": ";
    }

    /**
     * Whether stderr is a terminal. {@code System.console()} tells about stdin and stdout only, and
     * a job's stdout may well go to a file; on Linux /proc says where file descriptor 2 leads.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public synchronized void progress(MaildirJob.Progress progress) {
        long now = System.nanoTime();
        if (progress.done() < progress.total() && shown && now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        shown = true;
        stderr.print("\r" + prefix + describe(progress) + "   ");
        stderr.flush();
    }

    /** Ends the line, if one was shown. */
    synchronized void finish() {
        if (shown) {
            stderr.println();
        }
    }

    static String describe(MaildirJob.Progress progress) {
        double seconds = progress.elapsedNanos() / 1e9;
        double megabytesPerSecond = seconds > 0 ? progress.bytesDone() / 1e6 / seconds : 0;
        StringBuilder text = new StringBuilder();
        text.append(progress.done()).append('/').append(progress.total()).append(" messages, ")
                .append(String.format(Locale.ROOT, "%.1f MB/s", megabytesPerSecond));
        if (progress.bytesDone() > 0 && progress.done() < progress.total()) {
            long left = (long) ((progress.bytesTotal() - progress.bytesDone()) / (progress.bytesDone() / seconds));
            text.append(String.format(Locale.ROOT, ", ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60));
        }
        return text.toString();
    }
}
