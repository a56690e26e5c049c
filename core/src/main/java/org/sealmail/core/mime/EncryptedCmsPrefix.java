package org.sealmail.core.mime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.ObjectIdentifiers;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;

/**
 * Tells from the first bytes of a body whether it starts a CMS ContentInfo of encrypted content:
 * a SEQUENCE (definite or indefinite length) whose first element is the OBJECT IDENTIFIER
 * id-envelopedData or id-ct-authEnvelopedData. Only the start is seen, so the rest of the
 * object is not checked: this tells a mislabelled plain body from ciphertext, nothing more.
 */
final class EncryptedCmsPrefix {

    /** Base64 characters decoded, whitespace aside: 48 bytes, more than the 23 the check needs. */
    private static final int BASE64_CHARS = 64;

    /** Length octets after 0x8n; eight already describe more than any message holds. */
    private static final int MAX_LENGTH_OCTETS = 8;

    private static final List<byte[]> ENCRYPTED_CONTENT_TYPES = List.of(
            oidElement(Oids.ENVELOPED_DATA),
            oidElement(Oids.AUTH_ENVELOPED_DATA));

    private EncryptedCmsPrefix() {
    }

    /**
     * @param bodyStart the first bytes of the body as it stands in the message
     * @param base64 whether the body is base64 (else its bytes are the DER or BER themselves)
     */
    static boolean startsEncryptedContentInfo(byte[] bodyStart, boolean base64) {
        return isEncryptedContentInfoStart(base64 ? decodeBase64Start(bodyStart) : bodyStart);
    }

    static boolean isEncryptedContentInfoStart(byte[] ber) {
        int contentStart = sequenceContentStart(ber);
        return contentStart > 0
                && ENCRYPTED_CONTENT_TYPES.stream().anyMatch(type -> startsWithAt(ber, contentStart, type));
    }

    /** Where the content of the SEQUENCE that {@code ber} starts with begins; -1 if it starts no SEQUENCE. */
    private static int sequenceContentStart(byte[] ber) {
        if (ber.length < 2 || (ber[0] & 0xff) != Tag.SEQUENCE) {
            return -1;
        }
        int firstLengthOctet = ber[1] & 0xff;
        if (firstLengthOctet <= 0x80) {
            return 2; // the length itself, or 0x80: indefinite
        }
        int lengthOctets = firstLengthOctet & 0x7f;
        return lengthOctets <= MAX_LENGTH_OCTETS ? 2 + lengthOctets : -1;
    }

    private static boolean startsWithAt(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length - offset >= prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Decodes the complete 4-character groups among the first base64 characters, skipping line
     * breaks and spaces and stopping at any other character. Not base64: no bytes.
     */
    static byte[] decodeBase64Start(byte[] text) {
        ByteArrayOutputStream chars = new ByteArrayOutputStream(BASE64_CHARS);
        for (int i = 0; i < text.length && chars.size() < BASE64_CHARS; i++) {
            byte b = text[i];
            if (isBase64Char(b)) {
                chars.write(b);
            } else if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                break;
            }
        }
        byte[] complete = Arrays.copyOf(chars.toByteArray(), chars.size() / 4 * 4);
        try {
            return Base64.getDecoder().decode(complete);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean isBase64Char(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '+' || b == '/' || b == '=';
    }

    private static byte[] oidElement(String dotted) {
        byte[] content = ObjectIdentifiers.encode(dotted);
        byte[] header = DerWriter.header(Tag.OBJECT_IDENTIFIER, content.length);
        byte[] element = Arrays.copyOf(header, header.length + content.length);
        System.arraycopy(content, 0, element, header.length, content.length);
        return element;
    }
}
