package org.sealmail.core.mime;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Locale;
import org.sealmail.core.LimitedRead;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;

/**
 * An S/MIME message as read from a mailbox: its header section (with the mbox envelope line
 * before it, if any) and the CMS object its body carries (base64 of any line length, LF or
 * CRLF, or binary).
 */
public record SmimeEnvelope(HeaderSection header, byte[] cms) {

    private static final int BUFFER_SIZE = 64 * 1024;

    public static SmimeEnvelope read(InputStream message) throws SmimeException {
        return read(message, Limits.DEFAULT);
    }

    /** The same, within {@code limits} (header size and fields, message size). */
    public static SmimeEnvelope read(InputStream message, Limits limits) throws SmimeException {
        BufferedInputStream in = new BufferedInputStream(message, BUFFER_SIZE);
        HeaderSection header = HeaderReader.read(in, limits);
        String type = header.first("Content-Type")
                .flatMap(field -> ParameterizedValue.parse(field.value()))
                .map(ParameterizedValue::value)
                .orElse("text/plain");
        if (!type.equals("application/pkcs7-mime") && !type.equals("application/x-pkcs7-mime")) {
            throw SmimeException.badInput("not an S/MIME encrypted message: its Content-Type is " + type
                    + ", not application/pkcs7-mime");
        }
        String encoding = header.first("Content-Transfer-Encoding")
                .map(field -> field.value().strip().toLowerCase(Locale.ROOT))
                .orElse("7bit");
        try {
            byte[] body = LimitedRead.readAll(in, limits.maxMessageBytes(), "the message body",
                    Limits.Limit.MESSAGE_BYTES);
            return new SmimeEnvelope(header, encoding.equals("base64") ? decodeBase64(body) : body);
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO, "cannot read the message: " + e.getMessage(), e);
        }
    }

    /** Base64 with line breaks and spaces anywhere, but no other stray character. */
    static byte[] decodeBase64(byte[] body) throws SmimeException {
        ByteArrayOutputStream compact = new ByteArrayOutputStream(body.length);
        for (byte b : body) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                compact.write(b);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toByteArray());
        } catch (IllegalArgumentException e) {
            throw SmimeException.badInput("the S/MIME body is not valid base64: " + e.getMessage());
        }
    }
}
