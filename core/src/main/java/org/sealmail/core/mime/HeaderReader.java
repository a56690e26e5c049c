package org.sealmail.core.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;

/**
 * Reads an RFC 5322 header section and leaves the stream at the first byte of the body. It reads
 * one byte at a time so as never to read past the body's start: hand it a buffered stream.
 *
 * <p>A first line that starts with {@code "From "} and is not a header field is an mbox envelope
 * line, which delivery agents (Postfix pipe with flags=F, local, procmail) put before the header;
 * it is kept aside, byte for byte, and is not a field.
 */
public final class HeaderReader {

    /** The largest header section accepted by {@link #read(InputStream)}; see {@link Limits#DEFAULT_MAX_HEADER_BYTES}. */
    public static final int DEFAULT_MAX_BYTES = Limits.DEFAULT.maxHeaderBytes();

    private static final byte[] ENVELOPE_PREFIX = "From ".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final int maxBytes;
    private final int maxFields;
    private int bytesRead;

    private HeaderReader(InputStream in, int maxBytes, int maxFields) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.maxFields = maxFields;
    }

    public static HeaderSection read(InputStream in) throws SmimeException {
        return read(in, Limits.DEFAULT);
    }

    /** Reads a header section of at most {@code maxBytes} bytes, ending empty line included. */
    public static HeaderSection read(InputStream in, int maxBytes) throws SmimeException {
        return read(in, Limits.DEFAULT.with(Limits.Limit.HEADER_BYTES, maxBytes));
    }

    /** Reads a header section within {@code limits} (its size and number of fields). */
    public static HeaderSection read(InputStream in, Limits limits) throws SmimeException {
        try {
            return new HeaderReader(in, limits.maxHeaderBytes(), limits.maxHeaderFields()).readSection();
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO,
                    "cannot read the message: " + e.getMessage(), e);
        }
    }

    private HeaderSection readSection() throws IOException, SmimeException {
        List<HeaderField> fields = new ArrayList<>();
        LineEnding lineEnding = null;
        ByteArrayOutputStream field = null;
        String fieldName = null;
        byte[] envelopeLine = new byte[0];
        byte[] terminator = new byte[0];
        int lineNumber = 0;
        byte[] line;
        while ((line = readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && isEnvelopeLine(line)) {
                envelopeLine = line;
                continue;
            }
            boolean firstHeaderLine = fieldName == null;
            if (lineEnding == null && line[line.length - 1] == '\n') {
                lineEnding = line.length > 1 && line[line.length - 2] == '\r' ? LineEnding.CRLF : LineEnding.LF;
            }
            if (isEmptyLine(line)) {
                if (firstHeaderLine) {
                    throw noHeaderSection(envelopeLine.length == 0
                            ? "it begins with an empty line"
                            : "an empty line follows its mbox From line");
                }
                terminator = line;
                break;
            }
            if (isContinuation(line) && field != null) {
                field.write(line);
                continue;
            }
            String name = fieldName(line);
            if (name == null) {
                if (firstHeaderLine) {
                    throw noHeaderSection(envelopeLine.length == 0
                            ? "its first line is not a header field"
                            : "the line after its mbox From line is not a header field");
                }
                throw SmimeException.badInput(
                        "header line " + lineNumber + " is neither a header field nor a continuation line");
            }
            if (field != null) {
                fields.add(new HeaderField(field.toByteArray(), fieldName));
                if (fields.size() == maxFields) {
                    throw SmimeException.badInput("header section has more than " + maxFields
                            + " fields " + Limits.Limit.HEADER_FIELDS.named());
                }
            }
            field = new ByteArrayOutputStream();
            field.write(line);
            fieldName = name;
        }
        if (field == null) {
            throw noHeaderSection(envelopeLine.length == 0 ? "it is empty" : "it is only an mbox From line");
        }
        fields.add(new HeaderField(field.toByteArray(), fieldName));
        return new HeaderSection(envelopeLine, fields, lineEnding == null ? LineEnding.CRLF : lineEnding, terminator);
    }

    /** The next line with its line ending, or null at the end of input. */
    private byte[] readLine() throws IOException, SmimeException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b;
        while ((b = in.read()) != -1) {
            if (++bytesRead > maxBytes) {
                throw SmimeException.badInput("header section " + Limits.largerThan(maxBytes, Limits.Limit.HEADER_BYTES));
            }
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    /** "From sender date"; but "From : x" is a From field in RFC 5322's obsolete syntax. */
    public static boolean isEnvelopeLine(byte[] line) {
        return line.length >= ENVELOPE_PREFIX.length
                && Arrays.equals(line, 0, ENVELOPE_PREFIX.length, ENVELOPE_PREFIX, 0, ENVELOPE_PREFIX.length)
                && fieldName(line) == null;
    }

    private static SmimeException noHeaderSection(String why) {
        return SmimeException.badInput("the message has no header section: " + why);
    }

    private static boolean isEmptyLine(byte[] line) {
        // A lone CR can only be the last bytes of the input: an empty line cut short.
        return (line.length == 1 && (line[0] == '\n' || line[0] == '\r'))
                || (line.length == 2 && line[0] == '\r' && line[1] == '\n');
    }

    private static boolean isContinuation(byte[] line) {
        return line[0] == ' ' || line[0] == '\t';
    }

    /**
     * The field name if the line starts a field: RFC 5322 ftext (printable ASCII but the colon),
     * then a colon. Whitespace before the colon is accepted (RFC 5322 obsolete syntax).
     */
    private static String fieldName(byte[] line) {
        int end = 0;
        while (end < line.length && line[end] >= 33 && line[end] <= 126 && line[end] != ':') {
            end++;
        }
        int colon = end;
        while (colon < line.length && (line[colon] == ' ' || line[colon] == '\t')) {
            colon++;
        }
        if (end == 0 || colon == line.length || line[colon] != ':') {
            return null;
        }
        return new String(line, 0, end, StandardCharsets.US_ASCII);
    }
}
