package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.mime.Mail.bytes;
import static org.sealmail.core.mime.Mail.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.testing.TestData;

class MessageEncryptorTest {

    private static final String SMIME_FIELDS =
            "Content-Type: application/pkcs7-mime; name=\"smime.p7m\"; smime-type=enveloped-data\r\n"
            + "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n";

    @Test
    void sampleMessageKeepsItsOtherFieldsOutsideInOrderAndAddsTheSmimeFields() throws Exception {
        EncryptionRun result = EncryptionRun.run(TestData.read(TestData.message("sample.eml")));

        assertEquals(Outcome.encrypted(), result.outcome);
        assertEquals("Return-Path: <bob@example.net>\r\n"
                + "Received: from mx.example.net (mx.example.net [192.0.2.7])\r\n"
                + "\tby mail.example.org with ESMTPS; Fri, 4 Dec 2026 10:00:00 +0000\r\n"
                + "From: Bob <bob@example.net>\r\n"
                + "To: Alice <alice2048@example.org>\r\n"
                + "Subject: Quarterly numbers\r\n"
                + "Date: Fri, 4 Dec 2026 10:00:00 +0000\r\n"
                + "Message-ID: <q4-2026@example.net>\r\n"
                + "MIME-Version: 1.0\r\n"
                + SMIME_FIELDS, result.header());
    }

    @Test
    void sampleMessageContentFieldsAndBodyGoInside() throws Exception {
        EncryptionRun result = EncryptionRun.run(TestData.read(TestData.message("sample.eml")));

        assertEquals("Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Hi Alice,\r\n\r\nthe numbers are attached in the next mail. Keep them to yourself.\r\n\r\nBob\r\n",
                result.encryptor.entity());
    }

    @Test
    void foldedContentFieldsGoInsideRawAndInTheirOrder() throws Exception {
        EncryptionRun result = EncryptionRun.run(TestData.read(TestData.message("multipart.eml")));

        assertTrue(result.encryptor.entity().startsWith("Content-Type: multipart/mixed;\r\n"
                + " boundary=\"b1\"\r\n"
                + "Content-Description: two parts\r\n"
                + "\r\n"
                + "Preamble\r\n--b1\r\n"), result.encryptor.entity());
        assertTrue(result.encryptor.entity().endsWith("AAECAwQFBgcICQ==\r\n--b1--\r\n"));
        assertFalse(result.header().contains("multipart"));
        assertFalse(result.header().contains("two parts"));
    }

    @Test
    void interleavedFieldsAreSplitWithEachSideKeepingItsOrder() throws Exception {
        byte[] message = bytes("Content-Language: en\r\n"
                + "X-First: 1\r\n"
                + "content-type: text/plain;\r\n  charset=us-ascii\r\n"
                + "X-Second: 2\r\n\tfolded\r\n"
                + "CONTENT-ID: <c@x>\r\n"
                + "Content-Base: http://example.org/\r\n"
                + "Content-Location: here\r\n"
                + "Content-Disposition: inline\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "X-Third: 3\r\n"
                + "Content-Description: d\r\n"
                + "\r\nbody\r\n");

        EncryptionRun result = EncryptionRun.run(message);

        assertEquals("X-First: 1\r\nX-Second: 2\r\n\tfolded\r\nContent-Base: http://example.org/\r\nX-Third: 3\r\n"
                + "MIME-Version: 1.0\r\n" + SMIME_FIELDS, result.header());
        assertEquals("Content-Language: en\r\n"
                + "content-type: text/plain;\r\n  charset=us-ascii\r\n"
                + "CONTENT-ID: <c@x>\r\n"
                + "Content-Location: here\r\n"
                + "Content-Disposition: inline\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "Content-Description: d\r\n"
                + "\r\nbody\r\n", result.encryptor.entity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void mboxEnvelopeLineComesFirstUnchangedAndStaysOutOfTheEntity(String eol) throws Exception {
        String envelopeLine = "From alice@example.org  Thu Jan  1 00:00:00 2024" + eol;
        EncryptionRun result = EncryptionRun.run(bytes(envelopeLine
                + "Subject: x" + eol + "Content-Type: text/plain" + eol + eol + "body" + eol));

        assertEquals(Outcome.encrypted(), result.outcome);
        assertEquals(envelopeLine + "Subject: x\r\nMIME-Version: 1.0\r\n" + SMIME_FIELDS, result.header());
        assertEquals("Content-Type: text/plain\r\n\r\nbody\r\n", result.encryptor.entity());
        assertArrayEquals(result.encryptor.produced(), result.decodedBody());
    }

    @Test
    void envelopeLineKeepsItsBareLfInAnOtherwiseCrlfOutput() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("From a@b Thu Jan  1 00:00:00 2024\nSubject: x\nFrom: a@b\n\nbody\n"));

        assertTrue(text(result.output).startsWith("From a@b Thu Jan  1 00:00:00 2024\nSubject: x\r\nFrom: a@b\r\nMIME-Version"),
                text(result.output));
        assertEquals("\r\nbody\r\n", result.encryptor.entity());
    }

    @Test
    void fromFieldOnTheFirstLineIsAnOrdinaryOuterField() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("From: a@b\r\nSubject: x\r\n\r\nbody\r\n"));

        assertEquals("From: a@b\r\nSubject: x\r\nMIME-Version: 1.0\r\n" + SMIME_FIELDS, result.header());
    }

    @Test
    void aMessageThatIsOnlyAnEnvelopeLineIsBadInputAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordingEncryptor encryptor = new RecordingEncryptor();

        SmimeException e = assertThrows(SmimeException.class, () -> new MessageEncryptor().encrypt(
                new ByteArrayInputStream(bytes("From a@b Thu Jan  1 00:00:00 2024\n")), out, encryptor));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("the message has no header section: it is only an mbox From line", e.getMessage());
        assertEquals(0, out.size());
        assertEquals(0, encryptor.calls());
    }

    @Test
    void addsMimeVersionWhenAbsent() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("Subject: s\r\nContent-Type: text/plain\r\n\r\nbody\r\n"));

        assertEquals("Subject: s\r\nMIME-Version: 1.0\r\n" + SMIME_FIELDS, result.header());
    }

    @Test
    void keepsAnExistingMimeVersionWhereItIsAndAddsNoOther() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("mime-version: 1.0 (generated)\r\nSubject: s\r\n\r\nbody\r\n"));

        assertEquals("mime-version: 1.0 (generated)\r\nSubject: s\r\n" + SMIME_FIELDS, result.header());
    }

    @Test
    void noContentFieldsMeansTheEntityBeginsWithTheEmptyLine() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("Subject: plain old mail\r\n\r\nhello\r\n"));

        // RFC 2045 5.2: no Content-Type means text/plain; charset=us-ascii, which is what the body is.
        assertEquals("\r\nhello\r\n", result.encryptor.entity());
    }

    @Test
    void aMessageWithNoBodyEncryptsItsContentFieldsAndAnEmptyBody() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("Subject: s\r\nContent-Type: text/plain"));

        assertEquals("Content-Type: text/plain\r\n\r\n", result.encryptor.entity());
        assertEquals("Subject: s\r\nMIME-Version: 1.0\r\n" + SMIME_FIELDS, result.header());
    }

    @Test
    void bodyIsTheEncryptorsOutputInBase64LinesOf76CharactersEachEndingInCrlf() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            body.append("line ").append(i).append(" of a body long enough for many base64 lines\r\n");
        }
        EncryptionRun result = EncryptionRun.run(bytes("Subject: s\r\n\r\n" + body));

        String base64 = result.body();
        assertTrue(base64.endsWith("\r\n"));
        String[] lines = base64.substring(0, base64.length() - 2).split("\r\n", -1);
        assertTrue(lines.length > 100);
        for (int i = 0; i < lines.length - 1; i++) {
            assertEquals(76, lines[i].length(), "line " + (i + 1));
        }
        assertTrue(lines[lines.length - 1].length() <= 76);
        assertFalse(base64.replace("\r\n", "").contains("\n") || base64.replace("\r\n", "").contains("\r"));
        assertArrayEquals(result.encryptor.produced(), result.decodedBody());
    }

    @Test
    void lfOnlyMessageComesOutWithCrlfOutsideAndInside() throws Exception {
        EncryptionRun result = EncryptionRun.run(TestData.read(TestData.message("lf-only.eml")));

        assertEquals("From: Bob <bob@example.net>\r\n"
                + "To: Alice <alice2048@example.org>\r\n"
                + "Subject: bare LF\r\n"
                + "MIME-Version: 1.0\r\n"
                + SMIME_FIELDS, result.header());
        assertEquals("Content-Type: text/plain\r\n\r\nline one\r\nline two\r\n", result.encryptor.entity());
    }

    @Test
    void foldedOuterFieldsWithBareLfGetCrlfOnEveryLine() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("Received: from a\n\tby b\n  for c\nContent-Type: text/plain;\n charset=utf-8\n\nx\n"));

        assertTrue(result.header().startsWith("Received: from a\r\n\tby b\r\n  for c\r\nMIME-Version"), result.header());
        assertEquals("Content-Type: text/plain;\r\n charset=utf-8\r\n\r\nx\r\n", result.encryptor.entity());
    }

    @Test
    void mixedLineEndingsInTheBodyBecomeCrlfWithoutDoublingExistingOnes() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("Subject: s\r\nContent-Type: text/plain\r\n\r\na\nb\r\nc\rd\n\n"));

        assertEquals("Content-Type: text/plain\r\n\r\na\r\nb\r\nc\rd\r\n\r\n", result.encryptor.entity());
    }

    @Test
    void binaryBodyIsKeptByteForByteWhileItsHeaderGetsCrlf() throws Exception {
        byte[] body = {'a', '\n', 'b', '\r', 'c', '\r', '\n', 0, (byte) 0xFF, '\n'};
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(bytes("Subject: s\nContent-Type: application/octet-stream\nContent-Transfer-Encoding:  Binary \n\n"));
        message.writeBytes(body);

        EncryptionRun result = EncryptionRun.run(message.toByteArray());

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(bytes("Content-Type: application/octet-stream\r\nContent-Transfer-Encoding:  Binary \r\n\r\n"));
        expected.writeBytes(body);
        assertArrayEquals(expected.toByteArray(), result.encryptor.entityBytes());
    }

    @Test
    void binaryWithACommentIsStillBinary() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("Content-Transfer-Encoding: binary (raw)\r\n\r\na\nb"));

        assertEquals("Content-Transfer-Encoding: binary (raw)\r\n\r\na\nb", result.encryptor.entity());
    }

    @Test
    void eightBitBodyIsNotTreatedAsBinary() throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes("Content-Transfer-Encoding: 8bit\r\n\r\na\nb"));

        assertEquals("Content-Transfer-Encoding: 8bit\r\n\r\na\r\nb", result.encryptor.entity());
    }

    @Test
    void aCrAndItsLfArrivingInSeparateReadsStayOneCrlf() throws Exception {
        byte[] message = bytes("Subject: s\nContent-Type: text/plain\r\n folded\n\nA\r\nB\nC\r\n\r\nD\r");

        EncryptionRun result = EncryptionRun.run(Mail.oneByteAtATime(message));

        assertEquals("Content-Type: text/plain\r\n folded\r\n\r\nA\r\nB\r\nC\r\n\r\nD\r", result.encryptor.entity());
        assertEquals("Subject: s\r\nMIME-Version: 1.0\r\n" + SMIME_FIELDS, result.header());
    }

    @Test
    void leavesTheCallersStreamsOpenEvenIfTheEncryptorClosesWhatItGets() throws Exception {
        boolean[] closed = {false, false};
        ByteArrayInputStream in = new ByteArrayInputStream(bytes("Subject: s\r\n\r\nbody")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[1] = true;
            }
        };

        new MessageEncryptor().encrypt(in, out, new RecordingEncryptor());

        assertFalse(closed[0], "input closed");
        assertFalse(closed[1], "output closed");
        assertTrue(text(out.toByteArray()).endsWith("\r\n"));
    }

    @Test
    void anEncryptorFailureReachesTheCallerUnchanged() {
        SmimeException failure = SmimeException.unsupported("no recipient");

        SmimeException e = assertThrows(SmimeException.class, () -> new MessageEncryptor().encrypt(
                new ByteArrayInputStream(bytes("Subject: s\r\n\r\nbody")), new ByteArrayOutputStream(),
                (entity, der) -> {
                    throw failure;
                }));

        assertSame(failure, e);
    }

    @Test
    void inputWithoutAHeaderSectionIsBadInputAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordingEncryptor encryptor = new RecordingEncryptor();

        SmimeException e = assertThrows(SmimeException.class, () -> new MessageEncryptor().encrypt(
                new ByteArrayInputStream(bytes("\r\nno header here\r\n")), out, encryptor));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals(0, out.size());
        assertEquals(0, encryptor.calls());
    }
}
