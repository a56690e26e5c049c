package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.mime.Mail.bytes;
import static org.sealmail.core.mime.Mail.text;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlreadyEncryptedTest {

    @Test
    void leavesTheBodyStreamWhereItWas() throws Exception {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(
                bytes("Subject: s\r\n\r\n\r\n-----BEGIN PGP MESSAGE-----\r\nrest\r\n")));
        HeaderSection headers = HeaderReader.read(in);

        assertTrue(AlreadyEncrypted.check(headers, in).isPresent());
        assertEquals("\r\n-----BEGIN PGP MESSAGE-----\r\nrest\r\n", text(in.readAllBytes()));
    }

    @Test
    void leavesALongBodyWhereItWasToo() throws Exception {
        String body = "x".repeat(3 * AlreadyEncrypted.BODY_LOOKAHEAD);
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes("Subject: s\r\n\r\n" + body)), 16);
        HeaderSection headers = HeaderReader.read(in);

        assertTrue(AlreadyEncrypted.check(headers, in).isEmpty());
        assertEquals(body, text(in.readAllBytes()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        "Content-Type: application/octet-stream; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n\r\n",
    })
    void leavesALongBodyWhereItWasWhateverItLooksFor(String header) throws Exception {
        String body = "MIIDiQYJKoZIhvcNAQcDoIIDejCCA3YCAQAx\r\n".repeat(3 * AlreadyEncrypted.BODY_LOOKAHEAD / 38)
                + "-----BEGIN PGP MESSAGE-----\r\n";
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes(header + body)), 16);
        HeaderSection headers = HeaderReader.read(in);

        AlreadyEncrypted.check(headers, in);

        assertEquals(body, text(in.readAllBytes()));
    }

    @Test
    void looksAtNoMoreThanSixteenKibibytesOfTheBody() throws Exception {
        int[] largestMark = {0};
        byte[] message = bytes("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"\r\n\r\n"
                + "x".repeat(100_000));
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(message), 16) {
            @Override
            public synchronized void mark(int readLimit) {
                largestMark[0] = Math.max(largestMark[0], readLimit);
                super.mark(readLimit);
            }
        };
        HeaderSection headers = HeaderReader.read(in);

        assertTrue(AlreadyEncrypted.check(headers, in).isEmpty());
        assertTrue(largestMark[0] > 0 && largestMark[0] <= 16 * 1024, "mark limit " + largestMark[0]);
    }

    @Test
    void refusesABodyStreamThatCannotRewind() throws Exception {
        HeaderSection headers = HeaderReader.read(new ByteArrayInputStream(bytes("Subject: s\r\n\r\n")));

        assertThrows(IllegalArgumentException.class,
                () -> AlreadyEncrypted.check(headers, Mail.oneByteAtATime(new byte[0])));
    }

    @Test
    void usesTheFirstContentTypeWhenThereAreTwo() throws Exception {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(
                bytes("Content-Type: text/plain\r\nContent-Type: application/pkcs7-mime\r\n\r\nhello")));

        assertTrue(AlreadyEncrypted.check(HeaderReader.read(in), in).isEmpty());
    }
}
