package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.core.asn1.Oids;

/**
 * The key agreement algorithms of KeyAgreeRecipientInfo: single-pass Diffie-Hellman and a key
 * derivation function over the shared secret and the DER ECC-CMS-SharedInfo. The ANSI X9.63 KDF
 * (RFC 5753, SEC 1 3.6.1) for EC; HKDF (RFC 5869, RFC 8418) for X25519 and X448. The cofactor
 * variants equal the standard ones on the curves sealmail accepts, whose cofactor is 1.
 */
enum KeyAgreementScheme {
    STD_SHA1_KDF(Oids.ECDH_STD_SHA1_KDF, false, Digest.SHA1),
    STD_SHA224_KDF(Oids.ECDH_STD_SHA224_KDF, false, Digest.SHA224),
    STD_SHA256_KDF(Oids.ECDH_STD_SHA256_KDF, false, Digest.SHA256),
    STD_SHA384_KDF(Oids.ECDH_STD_SHA384_KDF, false, Digest.SHA384),
    STD_SHA512_KDF(Oids.ECDH_STD_SHA512_KDF, false, Digest.SHA512),
    COFACTOR_SHA1_KDF(Oids.ECDH_COFACTOR_SHA1_KDF, false, Digest.SHA1),
    COFACTOR_SHA224_KDF(Oids.ECDH_COFACTOR_SHA224_KDF, false, Digest.SHA224),
    COFACTOR_SHA256_KDF(Oids.ECDH_COFACTOR_SHA256_KDF, false, Digest.SHA256),
    COFACTOR_SHA384_KDF(Oids.ECDH_COFACTOR_SHA384_KDF, false, Digest.SHA384),
    COFACTOR_SHA512_KDF(Oids.ECDH_COFACTOR_SHA512_KDF, false, Digest.SHA512),
    HKDF_SHA256(Oids.ECDH_STD_HKDF_SHA256, true, Digest.SHA256),
    HKDF_SHA384(Oids.ECDH_STD_HKDF_SHA384, true, Digest.SHA384),
    HKDF_SHA512(Oids.ECDH_STD_HKDF_SHA512, true, Digest.SHA512);

    private final String oid;
    private final boolean hkdf;
    private final Digest digest;

    KeyAgreementScheme(String oid, boolean hkdf, Digest digest) {
        this.oid = oid;
        this.hkdf = hkdf;
        this.digest = digest;
    }

    static KeyAgreementScheme forOid(String oid) {
        for (KeyAgreementScheme scheme : values()) {
            if (scheme.oid.equals(oid)) {
                return scheme;
            }
        }
        return null;
    }

    String oid() {
        return oid;
    }

    /** "x963-sha256" or "hkdf-sha256", for {@code inspect}. */
    String kdfName() {
        return (hkdf ? "hkdf-" : "x963-") + digest.shortName();
    }

    /** {@code length} bytes of key material from the shared secret {@code z}. */
    byte[] derive(byte[] z, byte[] sharedInfo, int length) throws GeneralSecurityException {
        return hkdf ? hkdf(z, sharedInfo, length) : x963(z, sharedInfo, length);
    }

    /** ANSI X9.63: Hash(Z || counter || SharedInfo) for counter = 1, 2, ..., concatenated. */
    private byte[] x963(byte[] z, byte[] sharedInfo, int length) throws GeneralSecurityException {
        MessageDigest hash = MessageDigest.getInstance(digest.jceName());
        byte[] out = new byte[length];
        for (int counter = 1, done = 0; done < length; counter++) {
            hash.update(z);
            hash.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8),
                (byte) counter});
            hash.update(sharedInfo);
            byte[] block = hash.digest();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            Arrays.fill(block, (byte) 0);
            done += n;
        }
        return out;
    }

    /** RFC 5869 with no salt (HashLen zero bytes), IKM = Z and info = the SharedInfo, as RFC 8418 asks. */
    private byte[] hkdf(byte[] z, byte[] sharedInfo, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(digest.hmacName());
        mac.init(new SecretKeySpec(new byte[digest.length()], digest.hmacName()));
        byte[] prk = mac.doFinal(z);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        try {
            mac.init(new SecretKeySpec(prk, digest.hmacName()));
            for (int counter = 1, done = 0; done < length; counter++) {
                mac.update(previous);
                mac.update(sharedInfo);
                mac.update((byte) counter);
                Arrays.fill(previous, (byte) 0);
                previous = mac.doFinal();
                int n = Math.min(previous.length, length - done);
                System.arraycopy(previous, 0, out, done, n);
                done += n;
            }
            return out;
        } finally {
            Arrays.fill(prk, (byte) 0);
            Arrays.fill(previous, (byte) 0);
        }
    }
}
