package org.sealmail.core.cms;

import java.util.List;
import org.sealmail.core.asn1.Oids;

/**
 * Everything of a CMS EnvelopedData or AuthEnvelopedData except its encrypted content and tag:
 * what {@code inspect} shows and what choosing a key needs, read before the content streams past.
 *
 * @param contentType      the ContentInfo's type: {@link Oids#ENVELOPED_DATA} or {@link Oids#AUTH_ENVELOPED_DATA}
 * @param ber              true when the part read so far used BER forms (indefinite lengths, chunked strings)
 * @param contentCipherOid the content-encryption algorithm
 * @param iv               the CBC IV, or the AEAD nonce, from the algorithm parameters (may be empty when absent)
 * @param tagLength        bytes of the AEAD tag the parameters announce; 0 for EnvelopedData
 */
public record EnvelopedHeader(
        String contentType,
        int version,
        boolean ber,
        List<RecipientInfo> recipients,
        String encryptedContentType,
        String contentCipherOid,
        byte[] iv,
        int tagLength) {

    private static final int RECIPIENTS_NAMED = 10;

    /** An EnvelopedData header (no tag). */
    public EnvelopedHeader(int version, boolean ber, List<RecipientInfo> recipients, String encryptedContentType,
            String contentCipherOid, byte[] iv) {
        this(Oids.ENVELOPED_DATA, version, ber, recipients, encryptedContentType, contentCipherOid, iv, 0);
    }

    /** Whether this is AuthEnvelopedData, whose content is released only once its tag checks. */
    public boolean authenticated() {
        return contentType.equals(Oids.AUTH_ENVELOPED_DATA);
    }

    /** The recipients as a user should read them in an error: "issuer ... serial ...; ...", the first ten. */
    public String describeRecipients() {
        StringBuilder text = new StringBuilder();
        for (RecipientInfo recipient : recipients.subList(0, Math.min(RECIPIENTS_NAMED, recipients.size()))) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(recipient.describe());
        }
        if (recipients.size() > RECIPIENTS_NAMED) {
            text.append("; and ").append(recipients.size() - RECIPIENTS_NAMED).append(" more");
        }
        return text.toString();
    }
}
