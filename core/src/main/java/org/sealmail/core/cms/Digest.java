package org.sealmail.core.cms;

import org.sealmail.core.asn1.Oids;

/** The hash functions recipient schemes name: in OAEP parameters, MGF1 and key derivation. */
enum Digest {
    SHA1("SHA-1", "sha1", Oids.SHA1, 20),
    SHA224("SHA-224", "sha224", Oids.SHA224, 28),
    SHA256("SHA-256", "sha256", Oids.SHA256, 32),
    SHA384("SHA-384", "sha384", Oids.SHA384, 48),
    SHA512("SHA-512", "sha512", Oids.SHA512, 64);

    private final String jceName;
    private final String shortName;
    private final String oid;
    private final int length;

    Digest(String jceName, String shortName, String oid, int length) {
        this.jceName = jceName;
        this.shortName = shortName;
        this.oid = oid;
        this.length = length;
    }

    /** The digest with this OID, or null. */
    static Digest forOid(String oid) {
        for (Digest digest : values()) {
            if (digest.oid.equals(oid)) {
                return digest;
            }
        }
        return null;
    }

    String jceName() {
        return jceName;
    }

    /** "sha256", as OpenSSL's options name it. */
    String shortName() {
        return shortName;
    }

    String oid() {
        return oid;
    }

    int length() {
        return length;
    }

    /** "HmacSHA256". */
    String hmacName() {
        return "Hmac" + jceName.replace("-", "");
    }
}
