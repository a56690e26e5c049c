package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/** encrypt-maildir and reencrypt-maildir on a small Maildir++ tree. */
class EncryptMaildirCommandTest {

    private static final byte[] SAMPLE = TestData.read(TestData.message("sample.eml"));
    private static final byte[] ALREADY = TestData.read(TestData.message("already-smime-real.eml"));
    private static final FileTime LAST_YEAR = FileTime.fromMillis(1_700_000_000_000L);
    private static final String CERT = TestData.pki("rsa2048.pem").toString();

    @TempDir
    Path dir;

    private Path maildir;

    @BeforeEach
    void aMaildirTree() throws IOException {
        maildir = dir.resolve("Maildir");
        message("cur/1.M1P1.host,S=" + SAMPLE.length + ":2,S", SAMPLE);
        message("new/2.M2P2.host", SAMPLE);
        message(".Sent/cur/3.M3P3.host:2,RS", SAMPLE);
        message("cur/4.M4P4.host:2,", ALREADY);
        Files.createDirectories(maildir.resolve("tmp"));
        Files.createDirectories(maildir.resolve(".Sent/tmp"));
        Files.createDirectories(maildir.resolve(".Sent/new"));
        Files.write(maildir.resolve("tmp/5.M5P5.host"), SAMPLE);          // a delivery in progress
        Files.write(maildir.resolve("cur/.hidden"), SAMPLE);             // a dot-file
        Files.createSymbolicLink(maildir.resolve("cur/6.M6P6.host:2,S"), maildir.resolve("new/2.M2P2.host"));
        Files.write(maildir.resolve("dovecot-uidlist"), "3 V1 N5\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void message(String relative, byte[] content) throws IOException {
        Path file = maildir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(file, LAST_YEAR);
    }

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void encryptsEveryMessageKeepingNamesFlagsTimesAndPermissions() throws IOException {
        CliRun run = run("encrypt-maildir", maildir.toString(), "--cert", CERT, "--jobs", "2");

        assertEquals(0, run.exitCode(), run.stderr() + run.stdoutText());
        assertEquals("", run.stderr());
        assertTrue(run.stdoutText().startsWith("messages: 4\nencrypted: 3\nunchanged: 1\n"), run.stdoutText());
        assertTrue(run.stdoutText().contains("failed (left as they are): 0\n"), run.stdoutText());
        Path first = only(maildir.resolve("cur"), "1.M1P1.host,S=");
        assertTrue(first.getFileName().toString().equals("1.M1P1.host,S=" + Files.size(first) + ":2,S"), first.toString());
        for (Path file : List.of(first, maildir.resolve("new/2.M2P2.host"), maildir.resolve(".Sent/cur/3.M3P3.host:2,RS"))) {
            assertArrayEquals(SAMPLE, decrypt(file, "rsa2048.key"), file.toString());
            assertEquals(LAST_YEAR, Files.getLastModifiedTime(file), file.toString());
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertArrayEquals(ALREADY, Files.readAllBytes(maildir.resolve("cur/4.M4P4.host:2,")));
        assertArrayEquals(SAMPLE, Files.readAllBytes(maildir.resolve("tmp/5.M5P5.host")));
        assertArrayEquals(SAMPLE, Files.readAllBytes(maildir.resolve("cur/.hidden")));
        assertTrue(Files.isSymbolicLink(maildir.resolve("cur/6.M6P6.host:2,S")));
        assertEquals(List.of(maildir.resolve("tmp/5.M5P5.host")), files(maildir.resolve("tmp")));
        assertEquals(List.of(), files(maildir.resolve(".Sent/tmp")));

        CliRun again = run("encrypt-maildir", maildir.toString(), "--cert", CERT);
        assertEquals(0, again.exitCode(), again.stdoutText());
        assertTrue(again.stdoutText().startsWith("messages: 4\nencrypted: 0\nunchanged: 4\n"), again.stdoutText());
    }

    @Test
    void aDryRunChangesNothingAndSaysWhatItWouldDo() throws IOException {
        Map<Path, byte[]> before = snapshot();
        CliRun run = run("encrypt-maildir", maildir.toString(), "--cert", CERT, "--dry-run");

        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdoutText().startsWith("messages: 4\nwould be encrypted: 3\nwould be unchanged: 1\n"),
                run.stdoutText());
        Map<Path, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file.toString()));
    }

    @Test
    void aMessageThatCannotBeEncryptedIsLeftAsItIsAndGives65() throws IOException {
        byte[] noHeader = "no header here\n".getBytes(StandardCharsets.US_ASCII);
        message("cur/7.M7P7.host:2,S", noHeader);
        CliRun run = run("encrypt-maildir", maildir.toString(), "--cert", CERT, "--quiet");

        assertEquals(ExitCode.DATA_ERROR, run.exitCode(), run.stdoutText());
        assertTrue(run.stdoutText().contains("failed (left as they are): 1\n  cur/7.M7P7.host:2,S: "
                + "the message has no header section"), run.stdoutText());
        assertArrayEquals(noHeader, Files.readAllBytes(maildir.resolve("cur/7.M7P7.host:2,S")));
        assertTrue(run.stdoutText().contains("encrypted: 3\n"), run.stdoutText());
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndOtherTmpFilesKept() throws IOException {
        Path stale = Files.write(maildir.resolve("tmp/sealmail-P999999999-Q1.part"), new byte[10]);
        Path staleGuard = Files.write(maildir.resolve(".Sent/tmp/sealmail-P999999999-Q2.guard"), new byte[10]);
        CliRun run = run("encrypt-maildir", maildir.toString(), "--cert", CERT);

        assertEquals(0, run.exitCode(), run.stdoutText());
        assertFalse(Files.exists(stale, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(staleGuard, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(maildir.resolve("tmp/5.M5P5.host")));
        assertTrue(run.stdoutText().contains("leftovers of an interrupted run removed from tmp/: 2\n"), run.stdoutText());
    }

    @Test
    void reencryptMovesToTheNewCertificateAndCountsWhatItCannotOpen() throws IOException {
        assertEquals(0, run("encrypt-maildir", maildir.toString(), "--cert", CERT, "--quiet").exitCode());
        CliRun forOther = CliRun.of(SAMPLE, "encrypt", "--cert", TestData.pki("rsa4096.pem").toString());
        message(".Sent/cur/8.M8P8.host:2,S", forOther.stdout());
        message("cur/9.M9P9.host:2,S", TestData.read(TestData.message("signed.eml")));
        String newCert = TestData.pki("rsa3072.pem").toString();
        String oldKey = TestData.pki("rsa2048.key").toString();

        CliRun run = run("reencrypt-maildir", maildir.toString(), "--key", oldKey, "--cert", newCert, "--quiet");

        assertEquals(ExitCode.DATA_ERROR, run.exitCode(), run.stdoutText());
        String summary = run.stdoutText();
        assertTrue(summary.startsWith("messages: 6\nre-encrypted: 4\nunchanged: 1\n  not S/MIME encrypted: 1\n"
                + "failed (left as they are): 1\n  .Sent/cur/8.M8P8.host:2,S: "), summary);
        assertArrayEquals(forOther.stdout(), Files.readAllBytes(maildir.resolve(".Sent/cur/8.M8P8.host:2,S")));
        for (Path file : List.of(only(maildir.resolve("cur"), "1.M1P1"), maildir.resolve("new/2.M2P2.host"),
                maildir.resolve(".Sent/cur/3.M3P3.host:2,RS"))) {
            assertArrayEquals(SAMPLE, decrypt(file, "rsa3072.key"), file.toString());
            assertEquals(LAST_YEAR, Files.getLastModifiedTime(file), file.toString());
        }

        CliRun again = run("reencrypt-maildir", maildir.toString(), "--key", oldKey, "--cert", newCert, "--quiet");
        assertTrue(again.stdoutText().startsWith("messages: 6\nre-encrypted: 0\nunchanged: 5\n"
                + "  already encrypted to the current certificates only: 4\n"), again.stdoutText());
    }

    @Test
    void refusals() {
        CliRun notThere = run("encrypt-maildir", dir.resolve("missing").toString(), "--cert", CERT);
        assertEquals(ExitCode.NO_INPUT, notThere.exitCode());
        assertTrue(notThere.stderrIsOneLine(), notThere.stderr());
        CliRun notMaildir = run("encrypt-maildir", dir.toString(), "--cert", CERT);
        assertEquals(ExitCode.DATA_ERROR, notMaildir.exitCode());
        assertTrue(notMaildir.stderr().contains("is not a Maildir"), notMaildir.stderr());
        CliRun noAccount = run("encrypt-maildir", maildir.toString(), "--account", "bob",
                "--store", dir.resolve("store").toString());
        assertEquals(ExitCode.TEMPORARY_FAILURE, noAccount.exitCode(), noAccount.stderr());
        assertEquals(ExitCode.USAGE, run("encrypt-maildir", maildir.toString(), "--cert", CERT, "--jobs", "0").exitCode());
        assertEquals(ExitCode.USAGE, run("reencrypt-maildir", maildir.toString(), "--cert", CERT).exitCode());
    }

    @Test
    void anUnknownAccountGives67() {
        String store = dir.resolve("store").toString();
        assertEquals(0, run("account", "set", "alice", "--store", store, "--cert", CERT).exitCode());
        CliRun run = run("encrypt-maildir", maildir.toString(), "--account", "bob", "--store", store);
        assertEquals(ExitCode.NO_SUCH_USER, run.exitCode(), run.stderr());
    }

    private byte[] decrypt(Path file, String key) {
        CliRun run = CliRun.of("decrypt", "--key", TestData.pki(key).toString(), "--in", file.toString());
        assertEquals(0, run.exitCode(), file + ": " + run.stderr());
        return run.stdout();
    }

    private Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(maildir)) {
            for (Path file : all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static Path only(Path folder, String prefix) throws IOException {
        List<Path> matching = files(folder).stream().filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
        assertEquals(1, matching.size(), matching.toString());
        return matching.get(0);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
