package org.sealmail.core.mime;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.pem.Base64DecodingInputStream;

/**
 * An S/MIME message as read from a mailbox: its header section (with the mbox envelope line
 * before it, if any) and the CMS object its body carries (base64 of any line length, LF or
 * CRLF, or binary). {@link #open} gives the CMS object as a stream, for messages of any size;
 * {@link #read} holds it in memory.
 */
public record SmimeEnvelope(HeaderSection header, byte[] cms) {

    private static final int BUFFER_SIZE = 64 * 1024;

    /** An S/MIME message whose header has been read and whose CMS object streams, decoded as it comes. */
    public record Opened(HeaderSection header, InputStream cms) {
    }

    public static SmimeEnvelope read(InputStream message) throws SmimeException {
        return read(message, Limits.DEFAULT);
    }

    /** The whole message in memory, for small messages; the header section within {@code limits}. */
    public static SmimeEnvelope read(InputStream message, Limits limits) throws SmimeException {
        Opened opened = open(message, limits);
        try {
            return new SmimeEnvelope(opened.header(), opened.cms().readAllBytes());
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
    }

    public static Opened open(InputStream message) throws SmimeException {
        return open(message, Limits.DEFAULT);
    }

    /**
     * Reads the header of {@code message} (within {@code limits}) and checks it is S/MIME. Errors
     * in the body (bad base64, with its byte offset and line) come from the returned stream as
     * IOExceptions carrying the SmimeException ({@link SmimeException#fromIo}).
     */
    public static Opened open(InputStream message, Limits limits) throws SmimeException {
        BufferedInputStream in = new BufferedInputStream(message, BUFFER_SIZE);
        return open(HeaderReader.read(in, limits), in);
    }

    /** The same for a message whose header the caller has read already; {@code body} is what follows it. */
    public static Opened open(HeaderSection header, InputStream body) throws SmimeException {
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
        InputStream cms = encoding.equals("base64") ? new Base64DecodingInputStream(body, "the S/MIME body", false) : body;
        return new Opened(header, cms);
    }

    /**
     * Whether {@code header} announces encrypted S/MIME: application/(x-)pkcs7-mime whose
     * smime-type is absent, enveloped-data or authEnveloped-data (not signed-data and the like).
     */
    public static boolean announcesEncryption(HeaderSection header) {
        Optional<ParameterizedValue> type = header.first("Content-Type")
                .flatMap(field -> ParameterizedValue.parse(field.value()));
        if (type.isEmpty()) {
            return false;
        }
        String value = type.get().value();
        if (!value.equals("application/pkcs7-mime") && !value.equals("application/x-pkcs7-mime")) {
            return false;
        }
        return type.get().parameter("smime-type")
                .map(smimeType -> smimeType.equalsIgnoreCase(SmimeType.ENVELOPED_DATA.parameter())
                        || smimeType.equalsIgnoreCase(SmimeType.AUTH_ENVELOPED_DATA.parameter()))
                .orElse(true);
    }

    /** Base64 with line breaks and spaces anywhere, but no other stray character. */
    static byte[] decodeBase64(byte[] body) throws SmimeException {
        try {
            return new Base64DecodingInputStream(new ByteArrayInputStream(body), "the S/MIME body", false).readAllBytes();
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
    }
}
