package org.sealmail.core.cms;

import java.util.List;

/**
 * A parsed CMS ContentInfo holding EnvelopedData with its encrypted content in memory: the
 * small-message convenience. Large messages go through {@link EnvelopedDataStream} instead.
 *
 * @param ber             true when the encoding used BER forms (indefinite lengths, chunked strings)
 * @param contentCipherOid the content-encryption algorithm
 * @param iv              the CBC IV from the algorithm parameters (may be empty when absent)
 */
public record EnvelopedMessage(
        int version,
        boolean ber,
        List<RecipientInfo> recipients,
        String encryptedContentType,
        String contentCipherOid,
        byte[] iv,
        byte[] encryptedContent) {

    /** Everything but the encrypted content. */
    public EnvelopedHeader header() {
        return new EnvelopedHeader(version, ber, recipients, encryptedContentType, contentCipherOid, iv);
    }

    /** The recipients as a user should read them in an error: "issuer ... serial ...; ...", the first ten. */
    public String describeRecipients() {
        return header().describeRecipients();
    }
}
