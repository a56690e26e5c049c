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
