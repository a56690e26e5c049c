package org.sealmail.core.mime;

import java.io.BufferedOutputStream;
import java.io.IOException;
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

    private MessageDecryptor() {
    }

    public static void decrypt(SmimeEnvelope envelope, OutputStream out, ContentDecryptor decryptor)
            throws SmimeException {
        byte[] entity = decryptor.decrypt(envelope.cms());
        try {
            OutputStream buffered = new BufferedOutputStream(out);
            envelope.header().writeEnvelopeLineTo(buffered);
            for (HeaderField field : envelope.header().fields()) {
                if (!InnerEntity.belongsInside(field)) {
                    field.writeCanonicalTo(buffered);
                }
            }
            buffered.write(entity);
            buffered.flush();
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO, "cannot write the message: " + e.getMessage(), e);
        } finally {
            Arrays.fill(entity, (byte) 0);
        }
    }
}
