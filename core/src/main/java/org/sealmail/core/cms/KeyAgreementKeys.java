package org.sealmail.core.cms;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyAgreement;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;
import org.sealmail.core.x509.EcCurve;

/** Originator public keys of key agreement: their bits on the wire, and the Diffie-Hellman step. */
final class KeyAgreementKeys {

    private static final int X25519_BYTES = 32;
    private static final int X448_BYTES = 56;

    private KeyAgreementKeys() {
    }

    /** The BIT STRING content of a JDK public key's SubjectPublicKeyInfo: an uncompressed point, or X25519/X448 bytes. */
    static byte[] publicKeyBits(PublicKey key) throws SmimeException {
        BerReader spki = BerReader.of(key.getEncoded()).readSequence();
        spki.readSequence();
        byte[] bitString = spki.read(Tag.BIT_STRING).primitiveContent();
        return java.util.Arrays.copyOfRange(bitString, 1, bitString.length);
    }

    /** The curve name of an originator key, for {@code inspect}: "P-256", "X25519"; null when unknown. */
    static String curveName(String algorithmOid, byte[] bits) {
        if (algorithmOid.equals(Oids.EC_PUBLIC_KEY)) {
            EcCurve curve = bits.length > 0 && bits[0] == 4 ? EcCurve.forUncompressedPointLength(bits.length) : null;
            return curve == null ? null : curve.displayName();
        }
        if (algorithmOid.equals(Oids.X25519) && bits.length == X25519_BYTES) {
            return "X25519";
        }
        if (algorithmOid.equals(Oids.X448) && bits.length == X448_BYTES) {
            return "X448";
        }
        return null;
    }

    /**
     * The shared secret of {@code recipientKey} and the originator key, or null when they do not go
     * together (another key type or curve), or the originator key is not a valid point.
     */
    static byte[] sharedSecret(PrivateKey recipientKey, String originatorOid, byte[] bits)
            throws GeneralSecurityException {
        String curve = curveName(originatorOid, bits);
        if (curve == null) {
            return null;
        }
        if (recipientKey instanceof ECPrivateKey ec) {
            EcCurve ecCurve = EcCurve.forUncompressedPointLength(bits.length);
            if (!originatorOid.equals(Oids.EC_PUBLIC_KEY) || !sameField(ec.getParams(), ecCurve)) {
                return null;
            }
            try {
                PublicKey originator = decode("EC", spki(originatorOid, ecCurve.oid(), bits));
                if (!isOnCurve(((ECPublicKey) originator).getW(), ec.getParams())) {
                    return null;
                }
                return agree("ECDH", recipientKey, originator);
            } catch (GeneralSecurityException e) {
                return null; // not a point the JDK takes
            }
        }
        if (recipientKey instanceof XECPrivateKey xec && xec.getParams() instanceof NamedParameterSpec named
                && named.getName().equals(curve)) {
            try {
                return agree("XDH", recipientKey, decode("XDH", spki(originatorOid, null, bits)));
            } catch (GeneralSecurityException e) {
                return null; // e.g. a low-order point: the JDK refuses the all-zero secret
            }
        }
        return null;
    }

    /** The raw shared secret of two keys. */
    static byte[] agree(String algorithm, PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
    }

    private static boolean sameField(ECParameterSpec params, EcCurve curve) {
        return (params.getCurve().getField().getFieldSize() + 7) / 8 == curve.fieldBytes();
    }

    /** y^2 = x^3 + ax + b (mod p), with both coordinates in the field: no invalid-curve point gets to ECDH. */
    static boolean isOnCurve(ECPoint point, ECParameterSpec params) {
        ECField field = params.getCurve().getField();
        if (point == ECPoint.POINT_INFINITY || !(field instanceof ECFieldFp fp)) {
            return false;
        }
        BigInteger p = fp.getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    private static byte[] spki(String algorithmOid, String curveOid, byte[] bits) {
        byte[] bitString = new byte[bits.length + 1];
        System.arraycopy(bits, 0, bitString, 1, bits.length);
        return new DerWriter().addSequence(spki -> spki
                .addSequence(algorithm -> {
                    algorithm.addOid(algorithmOid);
                    if (curveOid != null) {
                        algorithm.addOid(curveOid);
                    }
                })
                .addPrimitive(Tag.BIT_STRING, bitString)).toByteArray();
    }

    private static PublicKey decode(String algorithm, byte[] spki) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        } catch (RuntimeException e) {
            throw new java.security.spec.InvalidKeySpecException(e.getMessage(), e);
        }
    }
}
