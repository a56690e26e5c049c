package org.sealmail.core.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.keys.KeyFiles;
import org.sealmail.core.mime.MessageDecryptor;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.mime.Outcome;
import org.sealmail.core.mime.SmimeEnvelope;
import org.sealmail.core.testing.TestData;
import org.sealmail.core.x509.CertificateBundle;

/**
 * Key rotation of one message, streaming: the decryption's own error when the old ciphertext is
 * bad at its very end (after megabytes of plaintext went to the encryption), the encryption's
 * when the output fails, no decryption at all for a message already current, and no thread left.
 */
class ReencryptionTest {

    /** Larger than the pipe and than the writer's look-ahead, so the failures come late. */
    private static final int SIZE = 3 * 1024 * 1024 + 123;

    private final byte[] original = message(SIZE);

    @AfterEach
    void noDecryptingThreadIsLeft() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("sealmail-reencrypt-decrypt")) {
                thread.join(5000);
                assertFalse(thread.isAlive(), "a decrypting thread is still running");
            }
        }
    }

    @Test
    void aMessageIsDecryptedAndEncryptedToTheCurrentCertificates() throws Exception {
        byte[] old = encrypt(original, "rsa2048.pem");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Outcome outcome = reencryption("rsa2048").apply(new ByteArrayInputStream(old), out);
        assertTrue(outcome.wasEncrypted());
        assertArrayEquals(original, decrypt(out.toByteArray(), "bundle1"));
        assertThrows(SmimeException.class, () -> decrypt(out.toByteArray(), "rsa2048"));
    }

    @Test
    void aBadPaddingAtTheVeryEndIsTheDecryptionsError() throws Exception {
        byte[] der = cms(original, "rsa2048.pem");
        // The last byte of the next-to-last block turns the padding byte of the last one into 0xF?.
        der[der.length - 17] ^= (byte) 0xFF;
        SmimeException e = assertThrows(SmimeException.class, () -> reencryption("rsa2048")
                .apply(new ByteArrayInputStream(smime(der)), OutputStream.nullOutputStream()));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot decrypt"), e.getMessage());
    }

    @Test
    void aCmsObjectCutShortIsTheDecryptionsError() throws Exception {
        byte[] der = cms(original, "rsa2048.pem");
        byte[] cut = Arrays.copyOf(der, der.length - 100);
        SmimeException e = assertThrows(SmimeException.class, () -> reencryption("rsa2048")
                .apply(new ByteArrayInputStream(smime(cut)), OutputStream.nullOutputStream()));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason(), e.getMessage());
    }

    @Test
    void aMessageNoKeyOpensIsNoMatchingKey() throws Exception {
        byte[] old = encrypt(original, "bundle2.pem");
        SmimeException e = assertThrows(SmimeException.class, () -> reencryption("rsa2048")
                .apply(new ByteArrayInputStream(old), OutputStream.nullOutputStream()));
        assertEquals(SmimeException.Reason.NO_MATCHING_KEY, e.reason(), e.getMessage());
    }

    @Test
    void anOutputThatFailsIsTheEncryptionsError() throws Exception {
        byte[] old = encrypt(original, "rsa2048.pem");
        OutputStream full = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 1024 * 1024) {
                    throw new IOException("No space left on device");
                }
            }
        };
        SmimeException e = assertThrows(SmimeException.class, () -> reencryption("rsa2048")
                .apply(new ByteArrayInputStream(old), full));
        assertEquals(SmimeException.Reason.IO, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    }

    @Test
    void aMessageAlreadyForTheCurrentCertificatesIsNotDecrypted() throws Exception {
        byte[] current = encrypt(original, "bundle1.pem");
        // No key at all: decrypting would fail.
        MessageTransform noKeys = MessageTransform.reencrypt(new EnvelopedDataDecryptor(List.of()),
                writer("bundle1.pem"), bundle("bundle1.pem"));
        Outcome outcome = noKeys.apply(new ByteArrayInputStream(current), OutputStream.nullOutputStream());
        assertFalse(outcome.wasEncrypted());
        assertEquals(Reencryption.ALREADY_CURRENT, outcome.reason());
    }

    @Test
    void aPlainMessageIsLeftAsItIs() throws Exception {
        Outcome outcome = reencryption("rsa2048").apply(new ByteArrayInputStream(original),
                OutputStream.nullOutputStream());
        assertFalse(outcome.wasEncrypted());
        assertEquals(Reencryption.NOT_SMIME, outcome.reason());
    }

    private static MessageTransform reencryption(String oldKey) throws SmimeException {
        return MessageTransform.reencrypt(new EnvelopedDataDecryptor(keys(oldKey)), writer("bundle1.pem"),
                bundle("bundle1.pem"));
    }

    private static List<DecryptionKey> keys(String name) throws SmimeException {
        byte[] file = TestData.read(TestData.pki(name + ".key"));
        List<DecryptionKey> bare = KeyFiles.read(file, null);
        return List.of(new DecryptionKey(bare.get(0).privateKey(),
                Certificates.of(name + ".pem").get(0)));
    }

    private static CertificateBundle bundle(String pem) throws SmimeException {
        return CertificateBundle.of(Certificates.of(pem));
    }

    private static EnvelopedDataWriter writer(String pem) throws SmimeException {
        return new EnvelopedDataWriter(bundle(pem), ContentCipher.AES128_CBC);
    }

    /** An S/MIME message whose CMS object is DER (the length given), its ciphertext last. */
    private static byte[] encrypt(byte[] message, String pem) throws SmimeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageEncryptor encryptor = new MessageEncryptor();
        long length = encryptor.entityLength(new ByteArrayInputStream(message));
        encryptor.encrypt(new ByteArrayInputStream(message), out, writer(pem)::encrypt, length);
        return out.toByteArray();
    }

    private static byte[] cms(byte[] message, String pem) throws SmimeException {
        return SmimeEnvelope.read(new ByteArrayInputStream(encrypt(message, pem))).cms();
    }

    private static byte[] smime(byte[] cms) {
        String header = "Subject: test\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: application/pkcs7-mime; name=\"smime.p7m\"; smime-type=enveloped-data\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        byte[] body = Base64.getMimeEncoder(76, "\r\n".getBytes(US_ASCII)).encode(cms);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(US_ASCII));
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] smime, String key) throws SmimeException {
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(keys(key));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageDecryptor.decrypt(new ByteArrayInputStream(smime), out, decryptor::decrypt);
        return out.toByteArray();
    }

    /** A canonical (CRLF) message whose lines differ, so a lost or repeated block shows. */
    private static byte[] message(int size) {
        byte[] header = "Subject: rotate me\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n".getBytes(US_ASCII);
        byte[] message = new byte[size];
        System.arraycopy(header, 0, message, 0, header.length);
        for (int i = header.length; i < size; i++) {
            int column = (i - header.length) % 78;
            message[i] = column == 76 ? (byte) '\r' : column == 77 ? (byte) '\n'
                    : (byte) ('0' + ((i / 78) * 31 + column * 7) % 75);
        }
        return message;
    }
}
