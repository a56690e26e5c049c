package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.mime.Mail.bytes;
import static org.sealmail.core.mime.Mail.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.testing.TestData;

class HeaderReaderTest {

    @Test
    void keepsEachFieldsRawBytesWithItsFoldedLines() throws Exception {
        InputStream in = new ByteArrayInputStream(bytes(
                "Received: from a\r\n\tby b\r\n  ; date\r\nSubject: hi\r\nContent-Type: text/plain;\r\n charset=utf-8\r\n\r\nbody\r\n"));

        HeaderSection headers = HeaderReader.read(in);

        List<String> raw = headers.fields().stream().map(f -> text(f.raw())).collect(Collectors.toList());
        assertEquals(List.of(
                "Received: from a\r\n\tby b\r\n  ; date\r\n",
                "Subject: hi\r\n",
                "Content-Type: text/plain;\r\n charset=utf-8\r\n"), raw);
        assertEquals(List.of("Received", "Subject", "Content-Type"),
                headers.fields().stream().map(HeaderField::name).collect(Collectors.toList()));
    }

    @Test
    void leavesTheStreamAtTheFirstByteOfTheBody() throws Exception {
        InputStream in = new ByteArrayInputStream(bytes("Subject: hi\r\n\r\n\r\nbody starts with an empty line\r\n"));

        HeaderReader.read(in);

        assertEquals("\r\nbody starts with an empty line\r\n", text(in.readAllBytes()));
    }

    @Test
    void readsTheSampleMessage() throws Exception {
        InputStream in = new ByteArrayInputStream(TestData.read(TestData.message("sample.eml")));

        HeaderSection headers = HeaderReader.read(in);

        assertEquals(10, headers.fields().size());
        assertEquals("Received", headers.fields().get(1).name());
        assertTrue(text(headers.fields().get(1).raw()).contains("\r\n\tby mail.example.org"));
        assertTrue(text(in.readAllBytes()).startsWith("Hi Alice,\r\n"));
    }

    @Test
    void reportsCrlfLineEndings() throws Exception {
        HeaderSection headers = HeaderReader.read(new ByteArrayInputStream(bytes("A: 1\r\nB: 2\r\n\r\n")));

        assertEquals(LineEnding.CRLF, headers.lineEnding());
    }

    @Test
    void acceptsAndReportsBareLfLineEndings() throws Exception {
        InputStream in = new ByteArrayInputStream(TestData.read(TestData.message("lf-only.eml")));

        HeaderSection headers = HeaderReader.read(in);

        assertEquals(LineEnding.LF, headers.lineEnding());
        assertEquals(4, headers.fields().size());
        assertEquals("Content-Type: text/plain\n", text(headers.fields().get(3).raw()));
        assertEquals("line one\nline two\n", text(in.readAllBytes()));
    }

    @Test
    void writesTheSectionBackByteForByte() throws Exception {
        byte[] header = bytes("A: 1\nB: 2\r\n folded\n\n");
        HeaderSection headers = HeaderReader.read(new ByteArrayInputStream(header));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        headers.writeTo(out);

        assertArrayEquals(header, out.toByteArray());
    }

    @Test
    void acceptsAMessageThatEndsInsideTheHeaderSection() throws Exception {
        InputStream in = new ByteArrayInputStream(bytes("Subject: no body\r\nX-Last: no line end"));

        HeaderSection headers = HeaderReader.read(in);

        assertEquals(2, headers.fields().size());
        assertEquals("X-Last: no line end", text(headers.fields().get(1).raw()));
        assertEquals(-1, in.read());
    }

    @Test
    void acceptsWhitespaceBeforeTheColonAsObsoleteSyntaxAllows() throws Exception {
        HeaderSection headers = HeaderReader.read(new ByteArrayInputStream(bytes("Subject : hi\r\n\r\n")));

        assertEquals("Subject", headers.fields().get(0).name());
        assertEquals("hi", headers.fields().get(0).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\r\nSubject: body only\r\n",
        "\nSubject: body only\n",
        "from bob@example.net Fri Dec  4 10:00:00 2026\r\nSubject: x\r\n\r\n",
        "From\tbob@example.net Fri Dec  4 10:00:00 2026\r\nSubject: x\r\n\r\n",
        " Subject: starts folded\r\n\r\n",
        "Subject hi\r\n\r\n",
        ": no name\r\n\r\n",
        "Sub\u00e9ject: 8-bit name\r\n\r\n",
        "just some text\r\n",
    })
    void refusesInputWithoutAHeaderSection(String message) {
        SmimeException e = assertThrows(SmimeException.class,
                () -> HeaderReader.read(new ByteArrayInputStream(bytes(message))));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().startsWith("the message has no header section"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void keepsAnMboxEnvelopeLineApartFromTheFields(String eol) throws Exception {
        String envelopeLine = "From alice@example.org  Thu Jan  1 00:00:00 2024" + eol;
        String header = envelopeLine + "Subject: s" + eol + "From: Alice <alice@example.org>" + eol + eol;
        InputStream in = new ByteArrayInputStream(bytes(header + "body"));

        HeaderSection headers = HeaderReader.read(in);

        assertTrue(headers.hasEnvelopeLine());
        assertEquals(List.of("Subject", "From"), headers.fields().stream().map(HeaderField::name).collect(Collectors.toList()));
        assertEquals(eol.equals("\n") ? LineEnding.LF : LineEnding.CRLF, headers.lineEnding());
        ByteArrayOutputStream envelope = new ByteArrayOutputStream();
        headers.writeEnvelopeLineTo(envelope);
        assertEquals(envelopeLine, text(envelope.toByteArray()));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        headers.writeTo(all);
        assertEquals(header, text(all.toByteArray()));
        assertEquals("body", text(in.readAllBytes()));
    }

    @Test
    void keepsTheEnvelopeLinesOwnLineEndingWhateverTheFieldsUse() throws Exception {
        HeaderSection headers = HeaderReader.read(new ByteArrayInputStream(bytes("From a@b Thu Jan  1 00:00:00 2024\nSubject: s\r\n\r\n")));

        ByteArrayOutputStream envelope = new ByteArrayOutputStream();
        headers.writeEnvelopeLineTo(envelope);

        assertEquals("From a@b Thu Jan  1 00:00:00 2024\n", text(envelope.toByteArray()));
        assertEquals(LineEnding.CRLF, headers.lineEnding());
    }

    @ParameterizedTest
    @ValueSource(strings = {"From: a@example.org\r\n\r\n", "From : a@example.org\r\n\r\n", "From \t : a@example.org\r\n\r\n"})
    void readsAFromFieldAsAFieldEvenWithSpaceBeforeItsColon(String message) throws Exception {
        HeaderSection headers = HeaderReader.read(new ByteArrayInputStream(bytes(message)));

        assertFalse(headers.hasEnvelopeLine());
        assertEquals(1, headers.fields().size());
        assertEquals("From", headers.fields().get(0).name());
        assertEquals("a@example.org", headers.fields().get(0).value());
    }

    @Test
    void aMessageWithoutAnEnvelopeLineSaysSoAndWritesNoneBack() throws Exception {
        HeaderSection headers = HeaderReader.read(new ByteArrayInputStream(bytes("Subject: s\r\n\r\n")));

        ByteArrayOutputStream envelope = new ByteArrayOutputStream();
        headers.writeEnvelopeLineTo(envelope);

        assertFalse(headers.hasEnvelopeLine());
        assertEquals(0, envelope.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "From bob@example.net Fri Dec  4 10:00:00 2026\r\n",
        "From bob@example.net Fri Dec  4 10:00:00 2026\n",
        "From bob@example.net Fri Dec  4 10:00:00 2026",
        "From bob@example.net Fri Dec  4 10:00:00 2026\r\n\r\nbody\r\n",
        "From bob@example.net Fri Dec  4 10:00:00 2026\nnot a field\n\n",
        "From bob@example.net Fri Dec  4 10:00:00 2026\nFrom bob@example.net Fri Dec  4 10:00:00 2026\n\n",
    })
    void refusesAnEnvelopeLineWithoutAHeaderSectionAfterIt(String message) {
        SmimeException e = assertThrows(SmimeException.class,
                () -> HeaderReader.read(new ByteArrayInputStream(bytes(message))));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().startsWith("the message has no header section: "), e.getMessage());
        assertTrue(e.getMessage().contains("mbox From line"), e.getMessage());
    }

    @Test
    void anEnvelopeLineAnywhereButFirstIsNotAField() {
        SmimeException e = assertThrows(SmimeException.class, () -> HeaderReader.read(
                new ByteArrayInputStream(bytes("Subject: s\r\nFrom bob@example.net Fri Dec  4 10:00:00 2026\r\n\r\n"))));

        assertEquals("header line 2 is neither a header field nor a continuation line", e.getMessage());
    }

    @Test
    void headerLineNumbersCountTheEnvelopeLine() {
        SmimeException e = assertThrows(SmimeException.class, () -> HeaderReader.read(
                new ByteArrayInputStream(bytes("From bob@example.net Fri Dec  4 10:00:00 2026\r\nA: 1\r\nbad\r\n\r\n"))));

        assertEquals("header line 3 is neither a header field nor a continuation line", e.getMessage());
    }

    @Test
    void theEnvelopeLineCountsTowardsTheSizeLimit() {
        byte[] message = bytes("From a@b Thu Jan  1 00:00:00 2024\r\nSubject: 0123456789\r\n\r\n");

        SmimeException e = assertThrows(SmimeException.class,
                () -> HeaderReader.read(new ByteArrayInputStream(message), message.length - 1));

        assertTrue(e.getMessage().startsWith("header section larger than"), e.getMessage());
    }

    @Test
    void refusesALaterLineThatIsNeitherFieldNorContinuation() {
        SmimeException e = assertThrows(SmimeException.class,
                () -> HeaderReader.read(new ByteArrayInputStream(bytes("A: 1\r\nB: 2\r\nnot a field\r\n\r\n"))));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().contains("header line 3"), e.getMessage());
    }

    @Test
    void refusesAHeaderSectionLargerThanTheLimit() {
        byte[] message = bytes("Subject: 0123456789\r\n\r\n"); // 23 bytes with the empty line

        SmimeException e = assertThrows(SmimeException.class,
                () -> HeaderReader.read(new ByteArrayInputStream(message), 22));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("header section larger than 22 bytes (limit max-header-bytes)", e.getMessage());
    }

    @Test
    void acceptsAHeaderSectionOfExactlyTheLimit() throws Exception {
        byte[] message = bytes("Subject: 0123456789\r\n\r\nbody");

        HeaderSection headers = HeaderReader.read(new ByteArrayInputStream(message), 23);

        assertEquals(1, headers.fields().size());
    }

    @Test
    void defaultLimitIsOneMebibyte() {
        StringBuilder huge = new StringBuilder("X-Big: ");
        while (huge.length() < HeaderReader.DEFAULT_MAX_BYTES) {
            huge.append("0123456789abcdef\r\n ");
        }
        byte[] message = bytes(huge + "end\r\n\r\nbody");

        SmimeException e = assertThrows(SmimeException.class,
                () -> HeaderReader.read(new ByteArrayInputStream(message)));

        assertEquals("header section larger than 1 MiB (limit max-header-bytes)", e.getMessage());
    }

    @Test
    void reportsAReadFailureAsIo() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };

        SmimeException e = assertThrows(SmimeException.class, () -> HeaderReader.read(failing));

        assertEquals(SmimeException.Reason.IO, e.reason());
    }
}
