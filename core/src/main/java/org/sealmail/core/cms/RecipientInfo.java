package org.sealmail.core.cms;

import org.sealmail.core.asn1.Oids;

/**
 * One recipient of an EnvelopedData. Only key transport recipients carry an id and a key;
 * the other kinds are listed so that {@code inspect} and error messages can name them.
 */
public record RecipientInfo(Kind kind, int version, RecipientId id, String keyEncryptionOid, byte[] encryptedKey) {

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

    static RecipientInfo other(Kind kind) {
        return new RecipientInfo(kind, -1, null, null, null);
    }

    public String describe() {
        if (kind != Kind.KEY_TRANSPORT) {
            return kind.shortName() + " recipient (not supported)";
        }
        if (!keyEncryptionOid.equals(Oids.RSA_ENCRYPTION)) {
            return id.describe() + " (" + Oids.name(keyEncryptionOid) + ", not supported yet)";
        }
        return id.describe();
    }
}
