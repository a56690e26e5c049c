package org.sealmail.core.cms;

import java.util.List;

/**
 * A parsed CMS ContentInfo holding EnvelopedData or AuthEnvelopedData with its encrypted content
 * (and tag) in memory: the small-message convenience. Large messages go through
 * {@link EnvelopedDataStream} instead.
 *
 * @param mac the AuthEnvelopedData tag; empty for EnvelopedData
 */
public record EnvelopedMessage(EnvelopedHeader header, byte[] encryptedContent, byte[] mac) {

    /** An EnvelopedData message (no tag). */
    public EnvelopedMessage(int version, boolean ber, List<RecipientInfo> recipients, String encryptedContentType,
            String contentCipherOid, byte[] iv, byte[] encryptedContent) {
        this(new EnvelopedHeader(version, ber, recipients, encryptedContentType, contentCipherOid, iv),
                encryptedContent, new byte[0]);
    }

    public int version() {
        return header.version();
    }

    /** True when the encoding used BER forms (indefinite lengths, chunked strings). */
    public boolean ber() {
        return header.ber();
    }

    public List<RecipientInfo> recipients() {
        return header.recipients();
    }

    public String encryptedContentType() {
        return header.encryptedContentType();
    }

    public String contentCipherOid() {
        return header.contentCipherOid();
    }

    /** The CBC IV or AEAD nonce (may be empty when absent). */
    public byte[] iv() {
        return header.iv();
    }

    /** The recipients as a user should read them in an error: "issuer ... serial ...; ...", the first ten. */
    public String describeRecipients() {
        return header.describeRecipients();
    }
}
