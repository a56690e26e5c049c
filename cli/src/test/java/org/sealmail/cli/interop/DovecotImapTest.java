package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/**
 * A real Dovecot serves the Maildir {@code sealmail deliver} wrote, over IMAP on loopback: each
 * message a client fetches is byte for byte the file sealmail stored, and the encrypted one opens
 * with {@code openssl cms -decrypt} to the original. In CI Dovecot must be there (.ci/run
 * installs dovecot-imapd): the test fails rather than skips without it.
 */
class DovecotImapTest {

    private static final String ACCOUNT = DovecotServer.USER;
    private static final String SMIME_TYPE = "application/pkcs7-mime";

    @TempDir
    Path work;

    @Test
    void dovecotServesTheDeliveredMessagesByteForByte() throws IOException {
        DovecotServer.assumeInstalledUnlessCi();
        Path store = work.resolve("store");
        Path maildir = work.resolve("mail").resolve(ACCOUNT);
        byte[] secret = TestData.read(TestData.message("sample.eml"));
        byte[] plain = TestData.read(TestData.message("multipart.eml"));

        sealmail(new byte[0], "account", "set", ACCOUNT, "--cert", TestKey.RSA2048.certificate().toString(),
                "--store", store.toString());
        deliver(secret, store, maildir);
        sealmail(new byte[0], "account", "disable", ACCOUNT, "--store", store.toString());
        deliver(plain, store, maildir);

        List<byte[]> stored = filesIn(maildir.resolve("new"));
        assertEquals(2, stored.size(), "sealmail deliver should have left two messages in new/");
        byte[] encrypted = only(stored, true);
        byte[] unencrypted = only(stored, false);
        assertArrayEquals(plain, unencrypted, "with encryption off the message is stored as it came");

        List<byte[]> fetched;
        try (DovecotServer dovecot = DovecotServer.serve(maildir, work)) {
            try (ImapSession imap = dovecot.openInbox()) {
                fetched = new ArrayList<>(imap.fetchAllBodies().values());
            } catch (RuntimeException | Error e) {
                throw new AssertionError(e.getMessage() + "\n--- dovecot log ---\n" + dovecot.log(), e);
            }
        }

        assertEquals(2, fetched.size(), "messages Dovecot serves");
        assertArrayEquals(encrypted, only(fetched, true), "the encrypted message as Dovecot serves it");
        assertArrayEquals(unencrypted, only(fetched, false), "the plain message as Dovecot serves it");
        byte[] opened = new OpensslDecrypter(TestKey.RSA2048, work.resolve("openssl"))
                .decryptSmime(only(fetched, true));
        assertEquals(ExpectedMessage.text(MimeText.parse(secret).expectedInnerEntity()),
                ExpectedMessage.text(opened));
    }

    private static void deliver(byte[] message, Path store, Path maildir) {
        sealmail(message, "deliver", ACCOUNT, "--store", store.toString(), "--maildir", maildir.toString());
    }

    /** {@code sealmail ARGS...} as a real process, as a mail server runs it; fails unless it exits 0. */
    private static void sealmail(byte[] stdin, String... args) {
        SealmailProcess.run(Map.of(), stdin, List.of(args)).requireSuccess();
    }

    private static List<byte[]> filesIn(Path folder) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                contents.add(Files.readAllBytes(file));
            }
        }
        return contents;
    }

    /** The one message of {@code messages} that is (or is not) an S/MIME encrypted one. */
    private static byte[] only(List<byte[]> messages, boolean encrypted) {
        List<byte[]> matching = messages.stream().filter(m -> isEncrypted(m) == encrypted).toList();
        assertEquals(1, matching.size(), (encrypted ? "encrypted" : "plain") + " messages among " + messages.size());
        assertFalse(matching.get(0).length == 0, "an empty message");
        return matching.get(0);
    }

    private static boolean isEncrypted(byte[] message) {
        String header = new String(message, StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
        return header.contains("Content-Type: " + SMIME_TYPE);
    }
}
