package org.sealmail.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmarks measure real work: every way of encrypting gives what the others decrypt. */
class BenchmarkWorkTest {

    private static final int SIZE = 70_000;

    private static byte[] body(byte[] message) {
        String text = new String(message, StandardCharsets.US_ASCII);
        return Arrays.copyOfRange(message, text.indexOf("\r\n\r\n") + 4, message.length);
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        return data.length >= suffix.length
                && Arrays.equals(data, data.length - suffix.length, data.length, suffix, 0, suffix.length);
    }

    @Test
    void messagesHaveTheExactSizeAndCrlfLines() {
        for (int size : new int[] {4096, 65536, 1000}) {
            byte[] message = Messages.ofSize(size);
            assertEquals(size, message.length);
            String text = new String(message, StandardCharsets.US_ASCII);
            assertTrue(text.endsWith("\r\n"));
            assertTrue(text.replace("\r\n", "").indexOf('\r') < 0 && text.replace("\r\n", "").indexOf('\n') < 0, "bare CR or LF");
            assertTrue(text.lines().allMatch(line -> line.length() <= 77), "line too long");
        }
        assertArrayEquals(Messages.ofSize(5000), Messages.ofSize(5000));
    }

    @ParameterizedTest
    @ValueSource(strings = {Ciphers.AES128_CBC, Ciphers.AES256_CBC})
    void sealmailOutputOpensWithBouncyCastleAndBack(String cipher) throws Exception {
        byte[] message = Messages.ofSize(SIZE);
        Pki.Recipients recipient = Pki.rsa2048();
        Sealmail sealmail = new Sealmail(recipient.certificatesPem(), cipher, recipient.keyPem());
        BouncyCastleSmime bouncyCastle = new BouncyCastleSmime(recipient.certificates(), recipient.key(), cipher,
                BouncyCastleSmime.BC);

        ByteArrayOutputStream bySealmail = new ByteArrayOutputStream();
        sealmail.encrypt(message, bySealmail);
        ByteArrayOutputStream openedByBouncyCastle = new ByteArrayOutputStream();
        bouncyCastle.decrypt(bySealmail.toByteArray(), openedByBouncyCastle);
        assertTrue(endsWith(openedByBouncyCastle.toByteArray(), body(message)));

        ByteArrayOutputStream byBouncyCastle = new ByteArrayOutputStream();
        bouncyCastle.encrypt(message, byBouncyCastle);
        String smime = byBouncyCastle.toString(StandardCharsets.US_ASCII);
        assertTrue(smime.lines().skip(6).allMatch(line -> line.length() <= 76), "base64 lines of 76");
        ByteArrayOutputStream openedBySealmail = new ByteArrayOutputStream();
        sealmail.decrypt(new ByteArrayInputStream(byBouncyCastle.toByteArray()), openedBySealmail);
        assertTrue(endsWith(openedBySealmail.toByteArray(), body(message)));
    }

    @Test
    void bouncyCastleOnTheJdkProviderDoesTheSameWork() throws Exception {
        byte[] message = Messages.ofSize(SIZE);
        Pki.Recipients recipient = Pki.rsa2048();
        BouncyCastleSmime bouncyCastle = new BouncyCastleSmime(recipient.certificates(), recipient.key(),
                Ciphers.AES256_CBC, Security.getProvider("SunJCE"));
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        bouncyCastle.encrypt(message, encrypted);
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
        bouncyCastle.decrypt(encrypted.toByteArray(), decrypted);
        assertArrayEquals(message, decrypted.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {Ciphers.AES128_CBC, Ciphers.AES256_CBC})
    void jceCeilingRoundTripsInChunks(String cipher) throws Exception {
        byte[] message = Messages.ofSize(3 * JceAesCbc.CHUNK + 5);
        JceAesCbc jce = new JceAesCbc(cipher);
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        jce.encrypt(message, encrypted);
        assertArrayEquals(jce.encrypted(message), encrypted.toByteArray());
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
        jce.decrypt(encrypted.toByteArray(), decrypted);
        assertArrayEquals(message, decrypted.toByteArray());
    }

    @Test
    void generatedRecipientsAreAcceptedAndTheKeyOpensTheMessage() throws Exception {
        byte[] message = Messages.ofSize(4096);
        Pki.Recipients recipients = Pki.generated(3);
        assertEquals(3, recipients.certificates().size());
        Sealmail sealmail = new Sealmail(recipients.certificatesPem(), Ciphers.AES256_CBC, recipients.keyPem());
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        sealmail.encrypt(message, encrypted);
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
        sealmail.decrypt(new ByteArrayInputStream(encrypted.toByteArray()), decrypted);
        assertTrue(endsWith(decrypted.toByteArray(), body(message)));
        assertEquals(message.length, decrypted.size());
    }

    @Test
    void sinkCountsEverythingWritten() {
        Sink sink = new Sink();
        sink.write(new byte[] {1, 2, 3}, 0, 3);
        sink.write(7);
        sink.write(new byte[0], 0, 0);
        assertEquals(4, sink.count());
    }
}
