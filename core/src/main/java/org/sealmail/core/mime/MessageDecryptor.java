package org.sealmail.core.mime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.sealmail.core.SmimeException;

/**
 * Turns an S/MIME enveloped message back into the message it was: its mbox envelope line if it
 * has one, the outer header fields other than the S/MIME entity's own Content-* fields, then the
 * decrypted entity (the original Content-* fields, an empty line and the body).
 */
public final class MessageDecryptor {

    /** Opens the CMS object of an S/MIME message and returns the entity inside. */
    @FunctionalInterface
    public interface ContentDecryptor {
        byte[] decrypt(byte[] cms) throws SmimeException;
    }

    /** Opens the CMS object of an S/MIME message as it streams and writes the entity inside. */
    @FunctionalInterface
    public interface StreamingContentDecryptor {
        void decrypt(InputStream cms, OutputStream entity) throws SmimeException;
    }

    private static final int BUFFER_SIZE = 64 * 1024;

    private MessageDecryptor() {
    }

    /**
     * Reads the S/MIME message {@code message} and writes the message it was to {@code out}, the
     * content streaming through. On an error part of the output may have been written (and the
     * last up to 64 KiB not): the caller discards it.
     */
    public static void decrypt(InputStream message, OutputStream out, StreamingContentDecryptor decryptor)
            throws SmimeException {
        SmimeEnvelope.Opened envelope = SmimeEnvelope.open(message);
        try {
            OutputStream buffered = new BufferedOutputStream(out, BUFFER_SIZE);
            writeOuterHeader(envelope.header(), buffered);
            decryptor.decrypt(envelope.cms(), buffered);
            buffered.flush();
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO, "cannot write the message: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the part of an S/MIME message's header that belongs to the message it was: its mbox
     * envelope line if any, then every field but the S/MIME entity's Content-* fields. The
     * decrypted entity follows it.
     */
    public static void writeOuterHeader(HeaderSection header, OutputStream out) throws IOException {
        header.writeEnvelopeLineTo(out);
        for (HeaderField field : header.fields()) {
            if (!InnerEntity.belongsInside(field)) {
                field.writeCanonicalTo(out);
            }
        }
    }

    public static void decrypt(SmimeEnvelope envelope, OutputStream out, ContentDecryptor decryptor)
            throws SmimeException {
        byte[] entity = decryptor.decrypt(envelope.cms());
        try {
            OutputStream buffered = new BufferedOutputStream(out);
            writeOuterHeader(envelope.header(), buffered);
            buffered.write(entity);
            buffered.flush();
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO, "cannot write the message: " + e.getMessage(), e);
        } finally {
            Arrays.fill(entity, (byte) 0);
        }
    }
}
