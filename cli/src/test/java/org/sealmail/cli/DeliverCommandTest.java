package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/** sealmail deliver: one message into the account's Maildir, encrypted, durable, or exit 75. */
class DeliverCommandTest {

    private static final Path SAMPLE = TestData.message("sample.eml");

    @TempDir
    Path dir;

    private String store;

    @BeforeEach
    void anAccountForAlice() {
        store = dir.resolve("store").toString();
        CliRun set = CliRun.of("account", "set", "alice", "--store", store,
                "--cert", TestData.pki("rsa2048.pem").toString());
        assertEquals(0, set.exitCode(), set.stderr());
    }

    private CliRun deliver(byte[] message, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("deliver", "alice", "--store", store));
        args.addAll(List.of(more));
        return CliRun.of(message, args.toArray(new String[0]));
    }

    private Path maildir() {
        return Path.of(store, "mail", "alice");
    }

    @Test
    void theMessageEndsInNewEncryptedAndDecryptsToTheOriginal() throws IOException {
        CliRun run = deliver(Files.readAllBytes(SAMPLE));

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertEquals(0, run.stdout().length);
        Path stored = only(maildir().resolve("new"));
        assertEquals(List.of(), files(maildir().resolve("tmp")));
        assertEquals(List.of(), files(maildir().resolve("cur")));
        assertTrue(stored.getFileName().toString().endsWith(",S=" + Files.size(stored)), stored.toString());
        String text = Files.readString(stored, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("smime-type=enveloped-data"), text);
        assertTrue(text.contains("Subject: Quarterly numbers"), text);
        CliRun decrypted = CliRun.of("decrypt", "--key", TestData.pki("rsa2048.key").toString(),
                "--in", stored.toString());
        assertEquals(0, decrypted.exitCode(), decrypted.stderr());
        assertArrayEquals(Files.readAllBytes(SAMPLE), decrypted.stdout());
    }

    @Test
    void withEncryptionOffTheMessageIsStoredPlain() throws IOException {
        assertEquals(0, CliRun.of("account", "disable", "alice", "--store", store).exitCode());
        CliRun run = deliver(Files.readAllBytes(SAMPLE));

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("sealmail deliver: encryption is off for alice; written unchanged\n", run.stderr());
        assertArrayEquals(Files.readAllBytes(SAMPLE), Files.readAllBytes(only(maildir().resolve("new"))));
    }

    @Test
    void anAlreadyEncryptedMessageIsStoredByteForByte() throws IOException {
        byte[] encrypted = Files.readAllBytes(TestData.message("already-smime-real.eml"));
        CliRun run = deliver(encrypted);

        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("sealmail deliver: not encrypted: "), run.stderr());
        assertArrayEquals(encrypted, Files.readAllBytes(only(maildir().resolve("new"))));
    }

    @Test
    void aMessageWithoutHeaderIsStoredAsItCameWithANote() throws IOException {
        byte[] noHeader = "this is not a message\njust text\n".getBytes(StandardCharsets.US_ASCII);
        CliRun run = deliver(noHeader);

        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().startsWith("sealmail deliver: stored as it came, not encrypted: "
                + "the message has no header section"), run.stderr());
        assertArrayEquals(noHeader, Files.readAllBytes(only(maildir().resolve("new"))));
    }

    @Test
    void aMaildirThatCannotBeWrittenGives75AndLeavesNewEmpty() throws IOException {
        // Permissions stop nothing for root: a file where tmp/ should be does.
        Path maildir = dir.resolve("Maildir");
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("cur"));
        Files.writeString(maildir.resolve("tmp"), "");
        CliRun run = deliver(Files.readAllBytes(SAMPLE), "--maildir", maildir.toString());

        assertEquals(ExitCode.TEMPORARY_FAILURE, run.exitCode(), run.stderr());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().contains(maildir.toString()), run.stderr());
        assertEquals(List.of(), files(maildir.resolve("new")));
    }

    @Test
    void anInternalErrorDefersTheMessageRatherThanBouncingIt() {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("a bug while reading");
            }
        };
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"deliver", "alice", "--store", store}, failing,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr, true));

        assertEquals(ExitCode.TEMPORARY_FAILURE, code, stderr.toString());
        assertTrue(stderr.toString().startsWith("sealmail deliver: internal error: "), stderr.toString());
        assertEquals(1, stderr.toString().split("\n").length, stderr.toString());
    }

    @Test
    void anUnknownAccountGives67AndCreatesNothing() {
        CliRun run = CliRun.of(new byte[0], "deliver", "bob", "--store", store);

        assertEquals(ExitCode.NO_SUCH_USER, run.exitCode(), run.stderr());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(Files.notExists(Path.of(store, "mail")));
    }

    @Test
    void aStoreThatIsNotThereGives75() {
        CliRun run = CliRun.of(new byte[0], "deliver", "alice", "--store", dir.resolve("unmounted").toString());

        assertEquals(ExitCode.TEMPORARY_FAILURE, run.exitCode(), run.stderr());
        assertTrue(run.stderrIsOneLine(), run.stderr());
    }

    @Test
    void oneAccountIsRequired() {
        assertEquals(ExitCode.USAGE, CliRun.of("deliver", "--store", store).exitCode());
        assertEquals(ExitCode.USAGE, CliRun.of("deliver", "alice", "bob", "--store", store).exitCode());
    }

    static Path only(Path folder) throws IOException {
        List<Path> files = files(folder);
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
