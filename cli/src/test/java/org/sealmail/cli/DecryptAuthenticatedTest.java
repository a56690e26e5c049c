package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/**
 * decrypt of AuthEnvelopedData releases nothing before the tag checks: a changed message writes
 * no byte to stdout and leaves no file, however large; stdout holds at most a cap in memory.
 */
class DecryptAuthenticatedTest {

    private static final String CERT = TestData.pki("rsa2048.pem").toString();
    private static final String KEY = TestData.pki("rsa2048-legacy.p12").toString();

    @TempDir
    Path dir;

    private static byte[] content(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }

    /** DER with definite lengths (from a file): the tag is the last 16 bytes. */
    private byte[] encryptDer(byte[] content, String cipher) throws IOException {
        Path in = Files.write(Files.createTempFile("plain", ".bin"), content);
        try {
            CliRun run = CliRun.of("encrypt", "--der", "--cipher", cipher, "--cert", CERT, "--in", in.toString());
            assertEquals(0, run.exitCode(), run.stderr());
            return run.stdout();
        } finally {
            Files.delete(in);
        }
    }

    private void assertNothingWritten(byte[] damaged, String what) throws IOException {
        CliRun toStdout = CliRun.of(damaged, "decrypt", "--der", "--key", KEY);
        assertEquals(65, toStdout.exitCode(), what + ": " + toStdout.stderr());
        assertEquals(0, toStdout.stdout().length, what + ": no byte reaches stdout");
        assertEquals("sealmail decrypt: cannot decrypt: the key for this message's recipient does not open it,"
                + " or the message is damaged\n", toStdout.stderr());

        Path out = dir.resolve("out.bin");
        CliRun toFile = CliRun.of(damaged, "decrypt", "--der", "--key", KEY, "--out", out.toString());
        assertEquals(65, toFile.exitCode(), what + ": " + toFile.stderr());
        assertFalse(Files.exists(out), what);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), what + ": no temp file left");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes128-gcm", "aes256-gcm", "chacha20-poly1305"})
    void aFlippedBitInTheCiphertextOrTagOfALargeMessageWritesNothing(String cipher) throws IOException {
        // Larger than the 1 MiB that decrypt holds back for EnvelopedData before it lets output flow.
        byte[] plain = content(3 * 1024 * 1024 + 5);
        byte[] good = encryptDer(plain, cipher);
        int tagStart = good.length - 16;
        int ciphertextEnd = tagStart - 2; // the mac's OCTET STRING header: 04 10
        for (int at : new int[] {ciphertextEnd - plain.length, ciphertextEnd - plain.length / 2, ciphertextEnd - 1,
                tagStart, good.length - 1}) {
            byte[] damaged = good.clone();
            damaged[at] ^= 0x10;
            assertNothingWritten(damaged, cipher + " bit flipped at " + at);
        }
        assertArrayEquals(plain, CliRun.of(good, "decrypt", "--der", "--key", KEY).stdout());
    }

    @Test
    void aChangedSmimeMessageWritesNothingEither() throws IOException {
        byte[] message = TestData.read(TestData.message("sample.eml"));
        CliRun encrypted = CliRun.of(message, "encrypt", "--cipher", "aes256-gcm", "--cert", CERT);
        String text = encrypted.stdoutText();
        int body = text.indexOf("\r\n\r\n") + 4;
        // A base64 character in the middle of the body changed to another valid one.
        int at = body + (text.length() - body) / 2;
        char changed = text.charAt(at) == 'A' ? 'B' : 'A';
        byte[] damaged = (text.substring(0, at) + changed + text.substring(at + 1)).getBytes();

        CliRun run = CliRun.of(damaged, "decrypt", "--key", KEY);
        assertEquals(65, run.exitCode(), run.stderr());
        assertEquals(0, run.stdout().length);
        Path out = dir.resolve("message.eml");
        assertEquals(65, CliRun.of(damaged, "decrypt", "--key", KEY, "--out", out.toString()).exitCode());
        assertFalse(Files.exists(out));
    }

    @Test
    void contentOverTheCapGoesToOutNotToStdout() throws IOException {
        byte[] plain = content(DecryptCommand.AUTHENTICATED_HOLD_BYTES + 1);
        byte[] cms = encryptDer(plain, "aes128-gcm");

        CliRun toStdout = CliRun.of(cms, "decrypt", "--der", "--key", KEY);
        assertEquals(64, toStdout.exitCode(), toStdout.stderr());
        assertEquals(0, toStdout.stdout().length);
        assertEquals("sealmail decrypt: the message is authenticated (AuthEnvelopedData) and decrypts to more than"
                + " 32 MiB, too much to hold in memory until its tag is checked at the end; give --out FILE\n",
                toStdout.stderr());

        Path out = dir.resolve("big.bin");
        CliRun toFile = CliRun.of(cms, "decrypt", "--der", "--key", KEY, "--out", out.toString());
        assertEquals(0, toFile.exitCode(), toFile.stderr());
        assertArrayEquals(plain, Files.readAllBytes(out));
    }

    @Test
    void contentAtTheCapStillGoesToStdout() throws IOException {
        byte[] plain = content(DecryptCommand.AUTHENTICATED_HOLD_BYTES);
        CliRun run = CliRun.of(encryptDer(plain, "chacha20-poly1305"), "decrypt", "--der", "--key", KEY);
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(java.util.Arrays.equals(plain, run.stdout()));
    }
}
