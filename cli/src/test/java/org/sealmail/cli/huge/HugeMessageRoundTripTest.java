package org.sealmail.cli.huge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/**
 * A 1 GiB message, generated on the fly and never stored, round-trips with a 64 MiB heap: the
 * library in a child JVM, and the command line as two child processes joined by pipes (so the
 * encrypted form, of unknown length, is BER). Compared by SHA-256. Functional, not timed.
 */
class HugeMessageRoundTripTest {

    /** 1 GiB; -Dsealmail.hugeBytes=... runs the same tests smaller while working on them. */
    private static final long SIZE = Long.getLong("sealmail.hugeBytes", 1L << 30);
    private static final String SMALL_HEAP = "-Xmx64m";
    private static final long TIMEOUT_MINUTES = 10;

    private static final Path CERT = TestData.pki("rsa2048.pem");
    private static final Path KEY = TestData.pki("rsa2048.key");

    @TempDir
    Path work;

    @Test
    void libraryMessageModeFromAStreamOfUnknownLength() throws Exception {
        assertLibraryRoundTrip("message", true);
    }

    @Test
    void libraryDerModeWithTheLengthGiven() throws Exception {
        assertLibraryRoundTrip("der", false, "sized");
    }

    @Test
    void cliMessageModeThroughPipes() throws Exception {
        assertCliRoundTrip(List.of(), true);
    }

    @Test
    void cliDerModeThroughPipes() throws Exception {
        assertCliRoundTrip(List.of("--der"), false);
    }

    private void assertLibraryRoundTrip(String mode, boolean withHeader, String... extra) throws Exception {
        List<String> command = new ArrayList<>(LibraryRoundTrip.javaCommand(SMALL_HEAP));
        command.addAll(List.of(LibraryRoundTrip.class.getName(), mode, Long.toString(SIZE), CERT.toString(),
                KEY.toString()));
        command.addAll(List.of(extra));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        finish(child, "library round trip");
        String stderr = Files.readString(err);
        assertEquals(0, child.exitValue(), stderr);
        List<String> lines = Files.readAllLines(out);
        assertEquals(HexFormat.of().formatHex(GeneratedMessage.sha256(SIZE, withHeader)), lines.get(0), stderr);
        assertTrue(Long.parseLong(lines.get(1).split(" ")[1]) <= 64L << 20, "the child ran with a small heap: " + lines);
    }

    private void assertCliRoundTrip(List<String> mode, boolean withHeader) throws Exception {
        List<String> encrypt = new ArrayList<>(cli("encrypt", "--cert", CERT.toString(), "--cipher", "aes128-cbc"));
        encrypt.addAll(mode);
        List<String> decrypt = new ArrayList<>(cli("decrypt", "--key", KEY.toString()));
        decrypt.addAll(mode);
        Process encrypting = new ProcessBuilder(encrypt).redirectError(work.resolve("encrypt.err").toFile()).start();
        Process decrypting = new ProcessBuilder(decrypt).redirectError(work.resolve("decrypt.err").toFile()).start();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread feed = pump(new GeneratedMessage(SIZE, withHeader), encrypting.getOutputStream(), failure);
        Thread between = pump(encrypting.getInputStream(), decrypting.getOutputStream(), failure);
        byte[] digest;
        try (InputStream plain = decrypting.getInputStream()) {
            digest = GeneratedMessage.digest(plain);
        }
        feed.join();
        between.join();
        finish(encrypting, "sealmail encrypt");
        finish(decrypting, "sealmail decrypt");
        String errors = Files.readString(work.resolve("encrypt.err")) + Files.readString(work.resolve("decrypt.err"));
        assertEquals(0, encrypting.exitValue(), errors);
        assertEquals(0, decrypting.exitValue(), errors);
        assertEquals(null, failure.get(), "a pipe between the processes failed");
        assertArrayEquals(GeneratedMessage.sha256(SIZE, withHeader), digest, errors);
    }

    private static List<String> cli(String... args) {
        List<String> command = new ArrayList<>(LibraryRoundTrip.javaCommand(SMALL_HEAP));
        command.add("org.sealmail.cli.Main");
        command.addAll(List.of(args));
        return command;
    }

    private static Thread pump(InputStream from, OutputStream to, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from; OutputStream out = to) {
                in.transferTo(out);
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void finish(Process process, String what) throws InterruptedException {
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(what + " did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
    }

}
