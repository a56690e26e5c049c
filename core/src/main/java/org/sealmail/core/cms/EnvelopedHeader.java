package org.sealmail.core.cms;

import java.util.List;

/**
 * Everything of a CMS EnvelopedData except its encrypted content: what {@code inspect} shows and
 * what choosing a key needs, read before the content streams past.
 *
 * @param ber              true when the part read so far used BER forms (indefinite lengths, chunked strings)
 * @param contentCipherOid the content-encryption algorithm
 * @param iv               the CBC IV from the algorithm parameters (may be empty when absent)
 */
public record EnvelopedHeader(
        int version,
        boolean ber,
        List<RecipientInfo> recipients,
        String encryptedContentType,
        String contentCipherOid,
        byte[] iv) {

    private static final int RECIPIENTS_NAMED = 10;

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
