package org.sealmail.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/** Two JVMs saving the same account at once, while this one reads it without a lock. */
class ConcurrentWritersTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    @Test
    void twoProcessesSavingTheSameAccountLeaveOneWholeVersion() throws Exception {
        Path folder = temp.resolve("store");
        AccountStore store = AccountStore.open(folder);
        Account a = WriterProcess.version("a");
        Account b = WriterProcess.version("b");
        Path go = temp.resolve("go");
        List<Process> writers = new ArrayList<>();
        try {
            for (String writer : List.of("a", "b")) {
                writers.add(start(folder, writer, temp.resolve("ready-" + writer), go));
            }
            awaitFiles(writers, temp.resolve("ready-a"), temp.resolve("ready-b"));
            Files.createFile(go);

            int reads = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (writers.stream().anyMatch(Process::isAlive) && System.nanoTime() < deadline) {
                Optional<Account> seen = store.find(WriterProcess.SHARED);
                if (seen.isPresent()) {
                    reads++;
                    assertTrue(seen.get().equals(a) || seen.get().equals(b), "a read saw neither version");
                }
            }
            for (int i = 0; i < writers.size(); i++) {
                Process writer = writers.get(i);
                if (!writer.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    fail("writer " + i + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                assertEquals(0, writer.exitValue(), "writer " + i + " failed:\n" + output(i));
            }
            assertTrue(reads > 0, "the reader never saw the account while the writers ran");
        } finally {
            writers.forEach(Process::destroyForcibly);
        }

        Account last = store.find(WriterProcess.SHARED).orElseThrow();
        assertTrue(last.equals(a) || last.equals(b), "the final file is neither version");
        byte[] onDisk = Files.readAllBytes(folder.resolve("accounts/shared@example.org.account"));
        assertTrue(Arrays.equals(onDisk, AccountFile.render(a)) || Arrays.equals(onDisk, AccountFile.render(b)));
        assertEquals(List.of("shared@example.org", "writer-a", "writer-b"), store.list());
        assertTrue(store.find("writer-a").isPresent());
        assertTrue(store.find("writer-b").isPresent());
        try (Stream<Path> files = Files.list(folder.resolve("accounts"))) {
            assertEquals(List.of("shared@example.org.account", "writer-a.account", "writer-b.account"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void threadsOfOneJvmWaitForEachOtherInsteadOfFailingOnTheFileLock() throws Exception {
        Path folder = temp.resolve("store");
        Account a = WriterProcess.version("a");
        Account b = WriterProcess.version("b");
        AccountStore store = AccountStore.open(folder);
        Path link = Files.createSymbolicLink(temp.resolve("link"), folder);
        List<AccountStore> stores = List.of(store, AccountStore.open(link));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                AccountStore oneOfTwo = stores.get(t % 2);
                Account version = t % 2 == 0 ? a : b;
                boolean toggles = t >= 2;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        if (toggles) {
                            oneOfTwo.setEncryption(WriterProcess.SHARED, i % 2 == 0);
                        } else {
                            oneOfTwo.save(version);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        Account last = store.find(WriterProcess.SHARED).orElseThrow();
        assertTrue(last.withEncryption(true).equals(a.withEncryption(true))
                || last.withEncryption(true).equals(b.withEncryption(true)));
        try (Stream<Path> files = Files.list(folder.resolve("accounts"))) {
            assertEquals(List.of("shared@example.org.account"),
                    files.map(file -> file.getFileName().toString()).toList());
        }
    }

    private Process start(Path folder, String writer, Path ready, Path go) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java,
                "-cp", System.getProperty("java.class.path"),
                "-Dsealmail.root=" + TestData.root(),
                WriterProcess.class.getName(),
                folder.toString(), writer, ready.toString(), go.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(temp.resolve("output-" + writer + ".txt").toFile());
        return builder.start();
    }

    private void awaitFiles(List<Process> writers, Path... files) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Stream.of(files).allMatch(Files::exists)) {
            for (int i = 0; i < writers.size(); i++) {
                if (!writers.get(i).isAlive()) {
                    fail("writer " + i + " ended before it was ready:\n" + output(i));
                }
            }
            if (System.nanoTime() > deadline) {
                fail("the writers were not ready after " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(10);
        }
    }

    private String output(int writer) throws IOException {
        Path file = temp.resolve("output-" + (writer == 0 ? "a" : "b") + ".txt");
        return Files.exists(file) ? Files.readString(file) : "(no output)";
    }
}
