package org.sealmail.cli.interop;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Takes the CMS ContentInfo out of an S/MIME message, for peers that only read DER. */
final class SmimeEnvelope {

    private SmimeEnvelope() {
    }

    /** The base64 body of an application/pkcs7-mime message, decoded; fails if it is not one. */
    static byte[] contentInfo(byte[] smime) {
        MimeText message = MimeText.parse(smime);
        String type = message.field("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("application/pkcs7-mime")) {
            throw new AssertionError("not an application/pkcs7-mime message: " + type);
        }
        String encoding = message.field("Content-Transfer-Encoding");
        if (encoding == null || !encoding.toLowerCase(Locale.ROOT).contains("base64")) {
            throw new AssertionError("S/MIME body is not base64: " + encoding);
        }
        String base64 = new String(message.body(), StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(base64);
    }
}
