package org.sealmail.core.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The header of the encrypted message: the mbox envelope line if there was one, byte for byte;
 * every field that does not move inside, unchanged and in order but with CRLF line endings; then
 * the fields that declare the S/MIME entity.
 */
final class OuterHeader {

    static final String MIME_VERSION = "MIME-Version: 1.0\r\n";

    static String smimeFields(SmimeType type) {
        return "Content-Type: application/pkcs7-mime; name=\"smime.p7m\"; smime-type=" + type.parameter() + "\r\n"
                + "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n";
    }

    private OuterHeader() {
    }

    /** Writes the header section, ending empty line included. */
    static void write(HeaderSection headers, SmimeType type, OutputStream out) throws IOException {
        headers.writeEnvelopeLineTo(out);
        for (HeaderField field : headers.fields()) {
            if (!InnerEntity.belongsInside(field)) {
                field.writeCanonicalTo(out);
            }
        }
        if (!headers.contains("MIME-Version")) {
            out.write(MIME_VERSION.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(smimeFields(type).getBytes(StandardCharsets.US_ASCII));
    }
}
