package org.sealmail.core.x509;

import java.security.PublicKey;
import java.util.Map;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Tag;

/** The elliptic curves sealmail accepts for ECDH recipients (RFC 5753 with the NIST curves). */
public enum EcCurve {
    P_256("P-256", "secp256r1", "1.2.840.10045.3.1.7", 32),
    P_384("P-384", "secp384r1", "1.3.132.0.34", 48),
    P_521("P-521", "secp521r1", "1.3.132.0.35", 66);

    /** id-ecPublicKey, RFC 5480. */
    public static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

    private static final Map<String, String> OTHER_CURVES = Map.of(
            "1.3.132.0.10", "secp256k1",
            "1.2.840.10045.3.1.1", "P-192",
            "1.3.132.0.33", "P-224",
            "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1",
            "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1",
            "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1");

    private final String displayName;
    private final String jceName;
    private final String oid;
    private final int fieldBytes;

    EcCurve(String displayName, String jceName, String oid, int fieldBytes) {
        this.displayName = displayName;
        this.jceName = jceName;
        this.oid = oid;
        this.fieldBytes = fieldBytes;
    }

    /** "P-256". */
    public String displayName() {
        return displayName;
    }

    /** "secp256r1", for {@code ECGenParameterSpec}. */
    public String jceName() {
        return jceName;
    }

    public String oid() {
        return oid;
    }

    /** Bytes of one coordinate: an uncompressed point is 1 + 2 * fieldBytes long. */
    public int fieldBytes() {
        return fieldBytes;
    }

    /** The curve with this OID, or null. */
    public static EcCurve forOid(String oid) {
        for (EcCurve curve : values()) {
            if (curve.oid.equals(oid)) {
                return curve;
            }
        }
        return null;
    }

    /** The curve whose uncompressed points have {@code length} bytes, or null. */
    public static EcCurve forUncompressedPointLength(int length) {
        for (EcCurve curve : values()) {
            if (1 + 2 * curve.fieldBytes == length) {
                return curve;
            }
        }
        return null;
    }

    /** "secp256k1 (1.3.132.0.10)" for a curve sealmail knows by name, else the OID. */
    public static String describeOid(String oid) {
        EcCurve curve = forOid(oid);
        if (curve != null) {
            return curve.displayName;
        }
        String name = OTHER_CURVES.get(oid);
        return name == null ? oid : name + " (" + oid + ")";
    }

    /**
     * The named-curve OID of an EC public key, read from its SubjectPublicKeyInfo; null when the
     * key carries explicit curve parameters (or none) instead of a name.
     */
    public static String namedCurveOid(PublicKey key) throws SmimeException {
        BerReader spki = BerReader.of(key.getEncoded()).readSequence();
        BerReader algorithm = spki.readSequence();
        algorithm.readOid();
        if (algorithm.isEmpty() || algorithm.peekTag() != Tag.OBJECT_IDENTIFIER) {
            return null;
        }
        return algorithm.readOid();
    }
}
