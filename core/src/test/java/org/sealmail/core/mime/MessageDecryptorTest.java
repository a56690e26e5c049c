package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.mime.Mail.bytes;
import static org.sealmail.core.mime.Mail.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.testing.TestData;

class MessageDecryptorTest {

    /** Undoes RecordingEncryptor's scramble: XOR 0xA5, minus its two trailer bytes. */
    private static byte[] unscramble(byte[] der) {
        byte[] entity = Arrays.copyOf(der, der.length - 2);
        for (int i = 0; i < entity.length; i++) {
            entity[i] ^= (byte) 0xA5;
        }
        return entity;
    }

    private static byte[] roundTrip(byte[] message) throws SmimeException {
        byte[] encrypted = EncryptionRun.run(message).output;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageDecryptor.decrypt(SmimeEnvelope.read(new ByteArrayInputStream(encrypted)), out,
                MessageDecryptorTest::unscramble);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample.eml", "signed.eml"})
    void givesBackTheOriginalMessageWhenItsContentFieldsCameLast(String file) throws Exception {
        byte[] original = TestData.read(TestData.message(file));
        assertArrayEquals(original, roundTrip(original));
    }

    @Test
    void putsTheContentFieldsAfterTheOtherFields() throws Exception {
        String message = "Content-Type: text/plain\r\nFrom: a@example.org\r\nContent-ID: <x>\r\nSubject: s\r\n\r\nbody\r\n";
        assertEquals("From: a@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-ID: <x>\r\n\r\nbody\r\n",
                text(roundTrip(bytes(message))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void givesBackTheMboxEnvelopeLineFirstAndUnchanged(String eol) throws Exception {
        byte[] sample = TestData.read(TestData.message("sample.eml"));
        byte[] original = bytes("From bob@example.net  Fri Dec  4 10:00:00 2026" + eol + text(sample));

        assertArrayEquals(original, roundTrip(original));
    }

    @Test
    void readsAStoredMessageThatStartsWithAnEnvelopeLine() throws Exception {
        byte[] cms = {0x30, (byte) 0x80, 0x06, 0x09, 0x2A};
        String message = "From bob@example.net Fri Dec  4 10:00:00 2026\nSubject: s\n"
                + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getEncoder().encodeToString(cms) + "\n";

        SmimeEnvelope envelope = SmimeEnvelope.read(new ByteArrayInputStream(bytes(message)));

        assertTrue(envelope.header().hasEnvelopeLine());
        assertArrayEquals(cms, envelope.cms());
    }

    @Test
    void readsBase64OfAnyLineLengthWithBareLf() throws Exception {
        byte[] cms = new byte[200];
        Arrays.fill(cms, (byte) 0x42);
        String oneLongLine = Base64.getEncoder().encodeToString(cms);
        String message = "Subject: s\nContent-Type: application/x-pkcs7-mime; smime-type=enveloped-data\n"
                + "Content-Transfer-Encoding: BASE64\n\n" + oneLongLine.substring(0, 100) + "\n  "
                + oneLongLine.substring(100) + "\n";
        SmimeEnvelope envelope = SmimeEnvelope.read(new ByteArrayInputStream(bytes(message)));
        assertArrayEquals(cms, envelope.cms());
    }

    @Test
    void refusesAMessageThatIsNotSmime() {
        SmimeException e = assertThrows(SmimeException.class,
                () -> SmimeEnvelope.read(new ByteArrayInputStream(TestData.read(TestData.message("sample.eml")))));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("not an S/MIME encrypted message: its Content-Type is text/plain, not application/pkcs7-mime",
                e.getMessage());
    }

    @Test
    void refusesBrokenBase64() {
        String message = "Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: base64\r\n\r\nMIA*G\r\n";
        SmimeException e = assertThrows(SmimeException.class,
                () -> SmimeEnvelope.read(new ByteArrayInputStream(bytes(message))));
        assertTrue(e.getMessage().startsWith("the S/MIME body is not valid base64"), e.getMessage());
    }
}
