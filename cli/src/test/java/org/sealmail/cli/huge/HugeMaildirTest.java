package org.sealmail.cli.huge;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.keys.KeyFiles;
import org.sealmail.core.mime.MessageDecryptor;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.mime.SmimeEnvelope;
import org.sealmail.core.testing.TestData;
import org.sealmail.core.x509.CertificateBundle;

/**
 * encrypt-maildir and then reencrypt-maildir, two jobs each, over a Maildir holding a ~150 MiB
 * message (generated on the fly, never stored in the project) and a few small ones, in a child
 * JVM with a 64 MiB heap: every message decrypts to its original (by SHA-256), and a message
 * whose old ciphertext is damaged at its very end is counted as failed and left byte-identical.
 * Functional, not timed.
 */
class HugeMaildirTest {

    /** -Dsealmail.hugeMaildirBytes=... runs the same test smaller while working on it. */
    private static final long SIZE = Long.getLong("sealmail.hugeMaildirBytes", 150L << 20);
    private static final String SMALL_HEAP = "-Xmx64m";
    private static final long TIMEOUT_MINUTES = 10;
    private static final String BIG = "1700000000.M1P1Q1.testhost:2,S";
    private static final String DAMAGED = "1700000009.M9P9Q9.testhost:2,S";

    @TempDir
    Path work;

    @Test
    void bothJobsHandleAHugeMessageWithTwoJobsInASmallHeap() throws Exception {
        Path maildir = work.resolve("Maildir");
        for (String sub : List.of("tmp", "new", "cur")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        Path cur = maildir.resolve("cur");
        Map<String, byte[]> originals = new LinkedHashMap<>();
        try (InputStream big = new GeneratedMessage(SIZE, true)) {
            Files.copy(big, cur.resolve(BIG));
        }
        originals.put(BIG, GeneratedMessage.sha256(SIZE, true));
        for (int i = 2; i <= 4; i++) {
            byte[] small = ("Subject: small " + i + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                    + "message " + i + "\r\n").repeat(i * 100).getBytes(US_ASCII);
            String name = "170000000" + i + ".M" + i + "P" + i + "Q" + i + ".testhost:2,S";
            Files.write(cur.resolve(name), small);
            originals.put(name, sha256(new ByteArrayInputStream(small)));
        }

        JobRun encrypted = runJob("encrypt-maildir", maildir.toString(), "--cert", pki("rsa2048.pem"),
                "--jobs", "2", "--quiet");
        assertEquals(0, encrypted.exitCode, encrypted.output);
        for (Map.Entry<String, byte[]> message : originals.entrySet()) {
            assertArrayEquals(message.getValue(), decryptedSha256(cur.resolve(message.getKey()), "rsa2048.key"),
                    message.getKey());
        }

        assertTrue(isDefiniteLength(cur.resolve(BIG)), "a file's size is known: the large message gets DER");

        byte[] damaged = damagedAtTheVeryEnd("rsa2048.pem");
        Files.write(cur.resolve(DAMAGED), damaged);
        JobRun rotated = runJob("reencrypt-maildir", maildir.toString(), "--key", pki("rsa2048.key"),
                "--cert", pki("rsa3072.pem"), "--jobs", "2", "--quiet");
        assertEquals(65, rotated.exitCode, "the damaged message is a failure: " + rotated.output);
        // The decryption's own error (a key given without its certificate is named by no recipient).
        assertTrue(rotated.output.contains(DAMAGED + ": none of the keys given opens this message")
                || rotated.output.contains(DAMAGED + ": cannot decrypt"), rotated.output);
        assertArrayEquals(damaged, Files.readAllBytes(cur.resolve(DAMAGED)), "the damaged message is left as it was");
        for (Map.Entry<String, byte[]> message : originals.entrySet()) {
            assertArrayEquals(message.getValue(), decryptedSha256(cur.resolve(message.getKey()), "rsa3072.key"),
                    message.getKey());
        }
        assertEquals(List.of(), list(maildir.resolve("tmp")), "nothing left in tmp/");
        assertEquals(originals.size() + 1, list(cur).size(), "every message once, none added");
    }

    private record JobRun(int exitCode, String output) {
    }

    /** sealmail ARGS in a child JVM with a 64 MiB heap. */
    private JobRun runJob(String... args) throws Exception {
        List<String> command = new ArrayList<>(LibraryRoundTrip.javaCommand(SMALL_HEAP));
        command.add("org.sealmail.cli.Main");
        command.addAll(List.of(args));
        Path output = work.resolve(args[0] + ".out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError(args[0] + " did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        return new JobRun(child.exitValue(), Files.readString(output));
    }

    /**
     * A 2 MiB message encrypted in DER (its ciphertext last), whose next-to-last ciphertext block
     * is changed in its last byte: everything decrypts but the padding of the last block.
     */
    private static byte[] damagedAtTheVeryEnd(String certificate) throws Exception {
        byte[] message = ("Subject: damaged\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                + "a line of the damaged message\r\n".repeat(70_000)).getBytes(US_ASCII);
        EnvelopedDataWriter writer = new EnvelopedDataWriter(
                CertificateBundle.parse(Files.readAllBytes(TestData.pki(certificate))), ContentCipher.AES128_CBC);
        MessageEncryptor encryptor = new MessageEncryptor();
        long length = encryptor.entityLength(new ByteArrayInputStream(message));
        ByteArrayOutputStream smime = new ByteArrayOutputStream();
        encryptor.encrypt(new ByteArrayInputStream(message), smime, writer::encrypt, length);
        SmimeEnvelope envelope = SmimeEnvelope.read(new ByteArrayInputStream(smime.toByteArray()));
        byte[] der = envelope.cms();
        der[der.length - 17] ^= (byte) 0xFF;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        envelope.header().writeTo(out);
        out.writeBytes(Base64.getMimeEncoder(76, "\r\n".getBytes(US_ASCII)).encode(der));
        out.writeBytes("\r\n".getBytes(US_ASCII));
        return out.toByteArray();
    }

    private static byte[] decryptedSha256(Path file, String key) throws Exception {
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(
                KeyFiles.read(Files.readAllBytes(TestData.pki(key)), new char[0]));
        MessageDigest sha = GeneratedMessage.sha256();
        try (InputStream in = Files.newInputStream(file);
                OutputStream plain = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            MessageDecryptor.decrypt(in, plain, decryptor::decrypt);
        }
        return sha.digest();
    }

    /** Whether the CMS object's outer SEQUENCE has a definite length (DER) rather than BER's indefinite one. */
    private static boolean isDefiniteLength(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream cms = SmimeEnvelope.open(in).cms();
            assertEquals(0x30, cms.read(), "a SEQUENCE");
            return cms.read() != 0x80;
        }
    }

    private static byte[] sha256(InputStream in) throws Exception {
        return GeneratedMessage.digest(in);
    }

    private static String pki(String name) {
        return TestData.pki(name).toString();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theDamageIsAtTheVeryEnd() throws Exception {
        byte[] damaged = damagedAtTheVeryEnd("rsa2048.pem");
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(
                KeyFiles.read(Files.readAllBytes(TestData.pki("rsa2048.key")), new char[0]));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        boolean failed = false;
        try {
            MessageDecryptor.decrypt(new ByteArrayInputStream(damaged), plain, decryptor::decrypt);
        } catch (org.sealmail.core.SmimeException e) {
            failed = true;
        }
        assertTrue(failed, "the damaged message does not decrypt");
        assertFalse(plain.size() < 2_000_000, "all but its end decrypted first: " + plain.size() + " bytes");
    }
}
