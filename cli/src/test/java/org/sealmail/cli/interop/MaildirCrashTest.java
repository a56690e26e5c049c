package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/**
 * SIGKILL in the middle of encrypt-maildir and reencrypt-maildir (a child JVM) leaves every
 * message present exactly once, plain (or old) or new, complete; a second run finishes the job.
 */
class MaildirCrashTest {

    private static final int MESSAGES = 300;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path maildir;
    private final Map<String, byte[]> originals = new TreeMap<>();

    @BeforeEach
    void aMaildirOfPlainMessages() throws IOException {
        maildir = dir.resolve("Maildir");
        for (String sub : List.of("tmp", "new", "cur")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        StringBuilder filler = new StringBuilder();
        for (int line = 0; line < 400; line++) {
            filler.append("Line ").append(line).append(" of a longer message, so the job takes a while.\r\n");
        }
        for (int i = 0; i < MESSAGES; i++) {
            String name = "1700000000.M" + i + "P77Q" + i + ".testhost:2,S";
            byte[] message = ("From: bob@example.net\r\nTo: alice@example.org\r\nSubject: message " + i
                    + "\r\nMessage-ID: <" + i + "@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n" + filler)
                    .getBytes(StandardCharsets.US_ASCII);
            Files.write(maildir.resolve("cur").resolve(name), message);
            originals.put(name, message);
        }
    }

    @Test
    void encryptMaildirKilledMidwayLosesAndDuplicatesNothingAndARerunFinishes() throws Exception {
        List<String> args = List.of("encrypt-maildir", maildir.toString(), "--cert",
                TestKey.RSA2048.certificate().toString(), "--jobs", "2", "--quiet");

        killMidway(args, file -> !Arrays.equals(read(file), originals.get(file.getFileName().toString())));

        int encrypted = 0;
        for (Map.Entry<String, byte[]> original : currentFiles().entrySet()) {
            byte[] now = original.getValue();
            if (!Arrays.equals(now, originals.get(original.getKey()))) {
                assertArrayEquals(originals.get(original.getKey()), decrypt(now, "rsa2048.key"), original.getKey());
                encrypted++;
            }
        }
        assertTrue(encrypted > 0 && encrypted < MESSAGES, "killed midway: " + encrypted + " of " + MESSAGES);

        SealmailCli.run(new byte[0], args).requireSuccess();
        for (Map.Entry<String, byte[]> file : currentFiles().entrySet()) {
            assertArrayEquals(originals.get(file.getKey()), decrypt(file.getValue(), "rsa2048.key"), file.getKey());
        }
        assertEquals(List.of(), list(maildir.resolve("tmp")));
    }

    @Test
    void reencryptMaildirKilledMidwayLosesAndDuplicatesNothingAndARerunFinishes() throws Exception {
        SealmailCli.run(new byte[0], List.of("encrypt-maildir", maildir.toString(), "--cert",
                TestKey.RSA2048.certificate().toString(), "--quiet")).requireSuccess();
        Map<String, byte[]> oldKey = currentFiles();
        List<String> args = List.of("reencrypt-maildir", maildir.toString(),
                "--key", TestData.pki("rsa2048.key").toString(),
                "--cert", TestData.pki("rsa3072.pem").toString(), "--jobs", "2", "--quiet");

        killMidway(args, file -> !Arrays.equals(read(file), oldKey.get(file.getFileName().toString())));

        int rotated = 0;
        for (Map.Entry<String, byte[]> file : currentFiles().entrySet()) {
            boolean stillOld = Arrays.equals(file.getValue(), oldKey.get(file.getKey()));
            assertArrayEquals(originals.get(file.getKey()),
                    decrypt(file.getValue(), stillOld ? "rsa2048.key" : "rsa3072.key"), file.getKey());
            rotated += stillOld ? 0 : 1;
        }
        assertTrue(rotated > 0 && rotated < MESSAGES, "killed midway: " + rotated + " of " + MESSAGES);

        SealmailCli.run(new byte[0], args).requireSuccess();
        for (Map.Entry<String, byte[]> file : currentFiles().entrySet()) {
            assertArrayEquals(originals.get(file.getKey()), decrypt(file.getValue(), "rsa3072.key"), file.getKey());
        }
        assertEquals(List.of(), list(maildir.resolve("tmp")));
    }

    /** Starts the job as a child JVM and SIGKILLs it once a few messages are done. */
    private void killMidway(List<String> args, Predicate<Path> done) throws Exception {
        Process child = SealmailProcess.start(args, dir.resolve("stdout"), dir.resolve("stderr"));
        try {
            Instant deadline = Instant.now().plus(DEADLINE);
            while (countDone(done) < 10) {
                assertTrue(child.isAlive(), "the job ended before it could be killed: "
                        + Files.readString(dir.resolve("stderr")));
                assertTrue(Instant.now().isBefore(deadline), "no progress within " + DEADLINE);
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }

    private int countDone(Predicate<Path> done) throws IOException {
        int count = 0;
        for (Path file : list(maildir.resolve("cur"))) {
            if (done.test(file)) {
                count++;
            }
        }
        return count;
    }

    /** The messages in cur/ and new/; each name exactly the original's, each message once. */
    private Map<String, byte[]> currentFiles() throws IOException {
        assertEquals(List.of(), list(maildir.resolve("new")));
        Map<String, byte[]> files = new HashMap<>();
        for (Path file : list(maildir.resolve("cur"))) {
            files.put(file.getFileName().toString(), read(file));
        }
        assertEquals(originals.keySet(), new TreeMap<>(files).keySet());
        return files;
    }

    private byte[] decrypt(byte[] message, String key) {
        return SealmailCli.decrypt(message, List.of("--key", TestData.pki(key).toString()));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // replaced this instant: not done by this look
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.sorted().toList());
        }
    }
}
