package org.sealmail.core.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Map;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.DerShape;
import org.sealmail.core.asn1.Oids;

/** Turns PKCS#8 and PKCS#1 encodings into JDK private keys. Only RSA keys are accepted for now. */
final class PrivateKeyDecoder {

    static final String EC_UNSUPPORTED = "EC private keys are not supported yet";

    private static final Map<String, String> OTHER_ALGORITHMS = Map.of(
            KeyOids.RSASSA_PSS, "RSASSA-PSS",
            KeyOids.DSA, "DSA",
            KeyOids.X25519, "X25519",
            KeyOids.X448, "X448",
            KeyOids.ED25519, "Ed25519",
            KeyOids.ED448, "Ed448");

    private PrivateKeyDecoder() {
    }

    /** A PKCS#8 PrivateKeyInfo (RFC 5208) or OneAsymmetricKey (RFC 5958). */
    static PrivateKey pkcs8(byte[] der) throws SmimeException {
        // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, ... }
        BerReader outer = BerReader.of(der);
        BerReader info = outer.readSequence();
        outer.expectEnd("private key");
        int version = info.readSmallInteger();
        if (version != 0 && version != 1) {
            throw SmimeException.badInput("PKCS#8 private key of version " + version + "; expected 0 or 1");
        }
        String algorithm = AlgorithmId.read(info).oid();
        // The JDK parses the whole PrivateKeyInfo and the key inside it: both must be plain DER.
        DerShape.check(der);
        byte[] key = info.readOctetString();
        try {
            DerShape.check(key);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        if (algorithm.equals(KeyOids.EC_PUBLIC_KEY)) {
            throw SmimeException.unsupported(EC_UNSUPPORTED);
        }
        if (!algorithm.equals(Oids.RSA_ENCRYPTION)) {
            String name = OTHER_ALGORITHMS.get(algorithm);
            throw SmimeException.unsupported(name != null
                    ? name + " private keys are not supported; only RSA keys can decrypt"
                    : "private keys of algorithm " + algorithm + " are not supported; only RSA keys can decrypt");
        }
        return rsaKey(new PKCS8EncodedKeySpec(der), "PKCS#8");
    }

    /** A PKCS#1 RSAPrivateKey (RFC 8017 appendix A.1.2), the body of a PEM "RSA PRIVATE KEY". */
    static PrivateKey pkcs1(byte[] der) throws SmimeException {
        // RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, privateExponent,
        //     prime1, prime2, exponent1, exponent2, coefficient, otherPrimeInfos OPTIONAL }
        BerReader outer = BerReader.of(der);
        BerReader key = outer.readSequence();
        outer.expectEnd("RSA private key");
        int version = key.readSmallInteger();
        if (version == 1) {
            throw SmimeException.unsupported("multi-prime RSA private keys are not supported");
        }
        if (version != 0) {
            throw SmimeException.badInput("PKCS#1 RSA private key of version " + version + "; expected 0");
        }
        BigInteger[] values = new BigInteger[8];
        for (int i = 0; i < values.length; i++) {
            values[i] = key.readInteger();
        }
        key.expectEnd("RSA private key");
        return rsaKey(new RSAPrivateCrtKeySpec(values[0], values[1], values[2], values[3],
                values[4], values[5], values[6], values[7]), "PKCS#1");
    }

    private static PrivateKey rsaKey(KeySpec spec, String format) throws SmimeException {
        KeyFactory factory;
        try {
            factory = KeyFactory.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL, "the JDK has no RSA key factory", e);
        }
        try {
            return factory.generatePrivate(spec);
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK's own DER parsing can fail with unchecked exceptions on hostile input.
            throw SmimeException.badInput(format + " RSA private key does not decode: " + JdkErrors.describe(e));
        }
    }
}
