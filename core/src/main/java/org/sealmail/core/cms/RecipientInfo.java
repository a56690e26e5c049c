package org.sealmail.core.cms;

import java.util.Map;

/**
 * One recipient of an EnvelopedData. Key transport recipients, and each recipient key of a key
 * agreement recipient info, carry an id and an encrypted key; the other kinds are listed so that
 * {@code inspect} and error messages can name them.
 *
 * @param keyEncryptionOid        the key transport algorithm (ktri) or key agreement scheme (kari)
 * @param keyEncryptionParameters the DER of that algorithm's parameters, or null when absent
 * @param encryptedKey            the encrypted (ktri) or wrapped (kari) content key
 * @param agreement               for kari, what the originator sent; null otherwise
 */
public record RecipientInfo(Kind kind, int version, RecipientId id, String keyEncryptionOid,
        byte[] keyEncryptionParameters, byte[] encryptedKey, KeyAgreement agreement) {

    /** The RecipientInfo choices of RFC 5652 6.2. */
    public enum Kind {
        KEY_TRANSPORT("ktri"),
        KEY_AGREEMENT("kari"),
        KEK("kekri"),
        PASSWORD("pwri"),
        OTHER("ori");

        private final String shortName;

        Kind(String shortName) {
            this.shortName = shortName;
        }

        public String shortName() {
            return shortName;
        }
    }

    /**
     * What a KeyAgreeRecipientInfo holds besides the recipient's id and wrapped key (RFC 5652 6.2.2).
     *
     * @param originatorKeyOid        the algorithm of the originator's (ephemeral) public key, or null
     *                                when the originator is named by a certificate instead
     * @param originatorPublicKey     the public key bits: an uncompressed EC point, or X25519/X448 bytes
     * @param userKeyingMaterial      the ukm, or null
     * @param keyWrapOid              the key wrap algorithm from the key encryption parameters
     */
    public record KeyAgreement(String originatorKeyOid, byte[] originatorPublicKey, byte[] userKeyingMaterial,
            String keyWrapOid) {
    }

    /** A key transport recipient info without algorithm parameters (rsaEncryption's are NULL). */
    public RecipientInfo(Kind kind, int version, RecipientId id, String keyEncryptionOid, byte[] encryptedKey) {
        this(kind, version, id, keyEncryptionOid, null, encryptedKey, null);
    }

    static RecipientInfo other(Kind kind) {
        return new RecipientInfo(kind, -1, null, null, null, null, null);
    }

    /**
     * What {@code inspect} shows beyond kind, id and algorithm, in order: for RSA-OAEP
     * {@code oaep-hash} and {@code oaep-mgf}; for key agreement {@code curve}, {@code kdf} and
     * {@code key-wrap}.
     */
    public Map<String, String> details() {
        RecipientScheme scheme = RecipientSchemes.forInfo(this);
        return scheme == null ? Map.of() : scheme.details(this);
    }

    /** The recipient as a user reads it in an error, with the reason when sealmail cannot open it. */
    public String describe() {
        String unsupported = RecipientSchemes.unsupportedReason(this);
        if (id == null) {
            return kind.shortName() + " recipient (" + unsupported + ")";
        }
        return unsupported == null ? id.describe() : id.describe() + " (" + unsupported + ")";
    }
}
