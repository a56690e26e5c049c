package org.sealmail.core.keys;

import java.nio.charset.StandardCharsets;

/**
 * Blanks out the text {@code openssl pkcs12 -nodes} writes before each PEM block ("Bag
 * Attributes", its indented attribute lines, "Key Attributes", "subject=", "issuer="), so the
 * strict PEM reader accepts a key file made that way. Any other text outside blocks stays and
 * is refused as usual. Lines are blanked rather than removed so line numbers in errors hold.
 */
final class OpenSslPemAnnotations {

    private OpenSslPemAnnotations() {
    }

    /** {@code pem} itself when it has no such text, else a copy with those lines blank. */
    static byte[] blankOut(byte[] pem) {
        String text = new String(pem, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        boolean changed = false;
        boolean inBlock = false;
        boolean inAnnotation = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("-----BEGIN ")) {
                inBlock = true;
                inAnnotation = false;
            } else if (line.startsWith("-----END ")) {
                inBlock = false;
            } else if (!inBlock && (line.startsWith("Bag Attributes") || line.startsWith("Key Attributes"))) {
                inAnnotation = true;
            }
            if (inAnnotation && !line.startsWith("-----BEGIN ")) {
                lines[i] = line.endsWith("\r") ? "\r" : "";
                changed = true;
            }
        }
        return changed ? String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1) : pem;
    }
}
