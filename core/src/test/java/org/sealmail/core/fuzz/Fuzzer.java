package org.sealmail.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sealmail.core.SmimeException;

/**
 * Feeds a target its seeds, every truncation of the small seeds, then mutations, each derived
 * from (run seed, input number) alone so one number reproduces one input. Each input runs on a
 * watchdog thread: an exception other than {@link SmimeException}, an error (out of memory,
 * stack overflow) or a run over {@link #TIME_LIMIT_MILLIS} fails, after writing the input to
 * {@code target/fuzz-reproducers/} and naming it with the seed in the failure message.
 *
 * <p>{@code -Dfuzz.iterations=N} sets the number of mutations per target (CI default in each
 * test), {@code -Dfuzz.seed=S} the run seed.
 */
public final class Fuzzer {

    public static final long TIME_LIMIT_MILLIS = 2_000;
    /** Seeds up to this size are also cut at every offset. */
    static final int TRUNCATE_EVERY_OFFSET_UP_TO = 4096;
    private static final long DEFAULT_SEED = 0x5EA1_3A11L;

    private final FuzzTarget target;
    private final long runSeed;
    private ExecutorService watchdog = newWatchdog();

    public Fuzzer(FuzzTarget target) {
        this.target = target;
        this.runSeed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    }

    /** Mutations per target: {@code -Dfuzz.iterations}, else {@code ciDefault}. */
    public static int iterations(int ciDefault) {
        return Integer.getInteger("fuzz.iterations", ciDefault);
    }

    /** Runs every input; returns how many were accepted and how many refused. */
    public Tally run(List<byte[]> seeds, int mutations) {
        Tally tally = new Tally();
        try {
            for (int s = 0; s < seeds.size(); s++) {
                byte[] seed = seeds.get(s);
                check(seed, "seed " + s, tally);
                if (seed.length <= TRUNCATE_EVERY_OFFSET_UP_TO) {
                    for (int cut = 0; cut < seed.length; cut++) {
                        check(java.util.Arrays.copyOf(seed, cut), "seed " + s + " cut at " + cut, tally);
                    }
                }
            }
            for (int i = 0; i < mutations; i++) {
                Random random = new Random(runSeed * 1_000_003L + i);
                byte[] seed = seeds.get(random.nextInt(seeds.size()));
                check(new Mutator(random).mutate(seed), "mutation " + i + " of run seed " + runSeed, tally);
            }
        } finally {
            watchdog.shutdownNow();
        }
        return tally;
    }

    /** Runs one input (a regression input, say) under the same rules. */
    public void check(byte[] input, String what, Tally tally) {
        Future<?> run = watchdog.submit(() -> {
            target.run(input);
            return null;
        });
        try {
            run.get(TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            tally.accepted++;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SmimeException) {
                tally.refused++;
                return;
            }
            throw failure(input, what, "threw " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            run.cancel(true);
            // The stuck thread is abandoned (a daemon); later inputs get a fresh one.
            watchdog.shutdownNow();
            watchdog = newWatchdog();
            throw failure(input, what, "ran over " + TIME_LIMIT_MILLIS + " ms", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private AssertionError failure(byte[] input, String what, String how, Throwable cause) {
        Path file = reproducer(input, what);
        return new AssertionError(target.name() + ": " + what + " (" + input.length + " bytes) " + how
                + "; input written to " + file.toAbsolutePath()
                + "; replay it by copying it to testdata/fuzz-regressions/" + target.name() + "/", cause);
    }

    private Path reproducer(byte[] input, String what) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "fuzz-reproducers"));
            Path file = folder.resolve(target.name() + "-" + what.replaceAll("[^A-Za-z0-9]+", "-") + ".bin");
            Files.write(file, input);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecutorService newWatchdog() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fuzz-target");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What became of the inputs that passed. */
    public static final class Tally {
        int accepted;
        int refused;

        public int accepted() {
            return accepted;
        }

        public int refused() {
            return refused;
        }

        @Override
        public String toString() {
            return accepted + " accepted, " + refused + " refused";
        }
    }

    static List<byte[]> seeds(List<Path> files) {
        List<byte[]> seeds = new ArrayList<>();
        for (Path file : files) {
            try {
                seeds.add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }
}
