package org.sealmail.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.sealmail.core.SmimeException;

/**
 * Applies a {@link MessageTransform} to every message of a Maildir++ tree in place (see
 * {@link InPlaceReplace}), with N threads, reporting progress after each message. A message that
 * fails is left as it is and counted; the job goes on. Running it again finishes what a killed or
 * failed run left: every replaced message is left unchanged by the transform the second time.
 */
public final class MaildirJob {

    /** Where the job is; {@code elapsedNanos} since it started working on messages. */
    public record Progress(int done, int total, long bytesDone, long bytesTotal, long elapsedNanos) {
    }

    @FunctionalInterface
    public interface Listener {
        /** Called from the worker threads, once per message; must be thread-safe. */
        void progress(Progress progress);
    }

    private final InPlaceReplace replace;
    private final int threads;
    private final boolean dryRun;

    /**
     * @param threads at least 1
     * @param dryRun  read and transform every message but change nothing, not even tmp/
     */
    public MaildirJob(MessageTransform transform, int threads, boolean dryRun) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads);
        }
        this.replace = new InPlaceReplace(Objects.requireNonNull(transform, "transform"));
        this.threads = threads;
        this.dryRun = dryRun;
    }

    /**
     * Runs over the tree at {@code root}.
     *
     * @throws SmimeException BAD_INPUT when {@code root} is not a Maildir; IO when the tree cannot
     *                        be listed
     */
    public JobSummary run(Path root, Listener listener) throws SmimeException {
        Path absolute = root.toAbsolutePath().normalize();
        List<MaildirMessage> messages = MaildirTree.messages(absolute);
        int stale = 0;
        if (!dryRun) {
            for (Path folder : MaildirTree.folders(absolute)) {
                stale += JobTemps.removeStale(folder.resolve(Maildir.TMP));
            }
        }
        long bytesTotal = messages.stream().mapToLong(MaildirMessage::size).sum();
        Tally tally = new Tally(absolute, messages.size(), bytesTotal, listener);
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "sealmail-maildir");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (MaildirMessage message : messages) {
                pool.execute(() -> tally.add(message, processed(message)));
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                // a very large tree: keep waiting
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new SmimeException(SmimeException.Reason.IO, "interrupted; run again to finish");
        }
        return tally.summary(dryRun, stale);
    }

    /** One message's result; nothing escapes, so one bad message never stops the others. */
    private MessageResult processed(MaildirMessage message) {
        try {
            return replace.apply(message, dryRun);
        } catch (SmimeException e) {
            return MessageResult.of(e.reason() == SmimeException.Reason.IO ? MessageResult.Kind.IO_FAILED
                    : MessageResult.Kind.FAILED, e.getMessage());
        } catch (IOException e) {
            return MessageResult.of(MessageResult.Kind.IO_FAILED, StoreFailure.io("cannot replace",
                    message.file(), e).getMessage());
        } catch (OutOfMemoryError e) {
            return MessageResult.of(MessageResult.Kind.IO_FAILED, "out of memory; run again with more (-Xmx) or fewer --jobs");
        } catch (RuntimeException e) {
            return MessageResult.of(MessageResult.Kind.FAILED, "internal error: " + e);
        }
    }

    /** The results so far; shared by the worker threads. */
    private static final class Tally {

        private final Path root;
        private final int total;
        private final long bytesTotal;
        private final Listener listener;
        private final long started = System.nanoTime();
        private final Map<String, Integer> unchanged = new TreeMap<>();
        private final List<JobSummary.Failure> failures = new ArrayList<>();
        private int done;
        private long bytesDone;
        private int replaced;
        private int changed;
        private int vanished;

        Tally(Path root, int total, long bytesTotal, Listener listener) {
            this.root = root;
            this.total = total;
            this.bytesTotal = bytesTotal;
            this.listener = listener;
        }

        void add(MaildirMessage message, MessageResult result) {
            Progress progress;
            synchronized (this) {
                switch (result.kind()) {
                    case REPLACED -> replaced++;
                    case UNCHANGED -> unchanged.merge(result.reason(), 1, Integer::sum);
                    case FAILED, IO_FAILED -> failures.add(new JobSummary.Failure(root.relativize(message.file()),
                            result.reason(), result.kind() == MessageResult.Kind.IO_FAILED));
                    case CHANGED -> changed++;
                    case VANISHED -> vanished++;
                    default -> throw new IllegalStateException(result.kind().toString());
                }
                done++;
                bytesDone += message.size();
                progress = new Progress(done, total, bytesDone, bytesTotal, System.nanoTime() - started);
            }
            try {
                listener.progress(progress);
            } catch (RuntimeException ignored) {
                // A progress display that fails must not cost a message.
            }
        }

        synchronized JobSummary summary(boolean dryRun, int stale) {
            failures.sort((a, b) -> a.file().compareTo(b.file()));
            return new JobSummary(dryRun, total, replaced, unchanged, failures, changed, vanished, stale);
        }
    }
}
