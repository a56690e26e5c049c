package org.sealmail.core.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mbox envelope line Postfix local(8) puts before a message (seen with mailbox_command) is
 * not stored in the Maildir: the file starts with the header, as every Maildir reader expects.
 */
class MaildirEnvelopeLineTest {

    private static final String MESSAGE = "From: Bob <bob@example.net>\r\nSubject: hi\r\n\r\nbody\r\n";
    private static final MessageTransform AS_IS = MessageTransform.unchanged("test");

    @TempDir
    Path dir;

    @Test
    void envelopeLineBeforeTheHeaderIsDropped() throws Exception {
        assertEquals(MESSAGE, stored("From bob@example.net  Fri Dec  4 17:06:25 2026\n" + MESSAGE));
    }

    @Test
    void envelopeLineWithCrlfIsDropped() throws Exception {
        assertEquals(MESSAGE, stored("From MAILER-DAEMON Fri Dec  4 17:06:25 2026\r\n" + MESSAGE));
    }

    @Test
    void fromFieldIsKept() throws Exception {
        assertEquals(MESSAGE, stored(MESSAGE));
    }

    @Test
    void obsoleteFromFieldWithSpaceBeforeTheColonIsKept() throws Exception {
        String message = "From : bob@example.net\r\nSubject: hi\r\n\r\nbody\r\n";
        assertEquals(message, stored(message));
    }

    @Test
    void onlyTheFirstLineIsAnEnvelopeLine() throws Exception {
        String message = MESSAGE + "From the body, a line mbox would have quoted\r\n";
        assertEquals(message, stored("From bob@example.net  Fri Dec  4 17:06:25 2026\n" + message));
    }

    @Test
    void firstLineLongerThanAnyEnvelopeLineIsKept() throws Exception {
        String message = "From " + "x".repeat(2000) + "\r\n" + MESSAGE;
        assertEquals(message, stored(message));
    }

    private String stored(String input) throws Exception {
        Maildir.Delivery delivery = Maildir.at(dir.resolve("mail"))
                .deliver(new ByteArrayInputStream(input.getBytes(US_ASCII)), AS_IS);
        String stored = Files.readString(delivery.file(), US_ASCII);
        Files.delete(delivery.file());
        return stored;
    }
}
