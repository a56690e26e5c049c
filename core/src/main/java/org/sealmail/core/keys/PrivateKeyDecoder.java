package org.sealmail.core.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Map;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.DerShape;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;

/** Turns PKCS#8, PKCS#1 and SEC1 encodings into JDK private keys: RSA, EC on the NIST curves, X25519 and X448. */
final class PrivateKeyDecoder {

    private static final Map<String, String> OTHER_ALGORITHMS = Map.of(
            KeyOids.RSASSA_PSS, "RSASSA-PSS",
            KeyOids.DSA, "DSA",
            KeyOids.ED25519, "Ed25519",
            KeyOids.ED448, "Ed448");

    private static final Map<String, String> CURVES = Map.of(
            KeyOids.P256, "P-256",
            KeyOids.P384, "P-384",
            KeyOids.P521, "P-521");

    private static final String CAN_DECRYPT = "only RSA, EC (P-256, P-384, P-521), X25519 and X448 keys can decrypt";

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
        AlgorithmId algorithmId = AlgorithmId.read(info);
        String algorithm = algorithmId.oid();
        // The JDK parses the whole PrivateKeyInfo and the key inside it: both must be plain DER.
        DerShape.check(der);
        byte[] key = info.readOctetString();
        try {
            DerShape.check(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (algorithm.equals(KeyOids.EC_PUBLIC_KEY)) {
            checkCurve(algorithmId);
            return key("EC", new PKCS8EncodedKeySpec(der), "PKCS#8 EC");
        }
        if (algorithm.equals(KeyOids.X25519) || algorithm.equals(KeyOids.X448)) {
            return key("XDH", new PKCS8EncodedKeySpec(der), "PKCS#8 " + OTHER_NAMES.get(algorithm));
        }
        if (!algorithm.equals(Oids.RSA_ENCRYPTION)) {
            String name = OTHER_ALGORITHMS.get(algorithm);
            throw SmimeException.unsupported(name != null
                    ? name + " private keys are not supported; " + CAN_DECRYPT
                    : "private keys of algorithm " + algorithm + " are not supported; " + CAN_DECRYPT);
        }
        return key("RSA", new PKCS8EncodedKeySpec(der), "PKCS#8 RSA");
    }

    private static final Map<String, String> OTHER_NAMES = Map.of(KeyOids.X25519, "X25519", KeyOids.X448, "X448");

    /** The named curve of an EC key's AlgorithmIdentifier must be one sealmail decrypts with. */
    private static void checkCurve(AlgorithmId algorithm) throws SmimeException {
        BerReader.Element parameters = algorithm.parameters();
        if (parameters == null || parameters.tagByte() != Tag.OBJECT_IDENTIFIER) {
            throw SmimeException.unsupported("EC private key with explicit curve parameters; only the named curves"
                    + " P-256, P-384 and P-521 are supported");
        }
        String curve = BerReader.of(parameters.encoding()).readOid();
        if (!CURVES.containsKey(curve)) {
            throw SmimeException.unsupported("EC private key on curve " + curve
                    + ", which is not supported; P-256, P-384 or P-521 is required");
        }
    }

    /**
     * A SEC1 ECPrivateKey (RFC 5915), the body of a PEM "EC PRIVATE KEY": it must name its curve,
     * and is turned into PKCS#8 for the JDK's key factory.
     */
    static PrivateKey sec1(byte[] der) throws SmimeException {
        // ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, parameters [0] ECParameters OPTIONAL,
        //     publicKey [1] BIT STRING OPTIONAL }
        BerReader outer = BerReader.of(der);
        BerReader key = outer.readSequence();
        outer.expectEnd("EC private key");
        int version = key.readSmallInteger();
        if (version != 1) {
            throw SmimeException.badInput("SEC1 EC private key of version " + version + "; expected 1");
        }
        key.readOctetString();
        BerReader parameters = key.readOptional(Tag.context(0) | Tag.CONSTRUCTED_BIT);
        if (parameters == null) {
            throw SmimeException.unsupported("the SEC1 EC private key does not name its curve; convert it with:"
                    + " openssl pkcs8 -topk8 -nocrypt -in KEY.pem -out KEY-pkcs8.pem");
        }
        byte[] curve = parameters.readEncoded();
        byte[] pkcs8 = new DerWriter().addSequence(info -> info
                .addInteger(0)
                .addSequence(algorithm -> algorithm.addOid(KeyOids.EC_PUBLIC_KEY).addEncoded(curve))
                .addOctetString(der)).toByteArray();
        try {
            return pkcs8(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
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
        return key("RSA", new RSAPrivateCrtKeySpec(values[0], values[1], values[2], values[3],
                values[4], values[5], values[6], values[7]), "PKCS#1 RSA");
    }

    private static PrivateKey key(String algorithm, KeySpec spec, String what) throws SmimeException {
        KeyFactory factory;
        try {
            factory = KeyFactory.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL, "the JDK has no " + algorithm + " key factory", e);
        }
        try {
            return factory.generatePrivate(spec);
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK's own DER parsing can fail with unchecked exceptions on hostile input.
            throw SmimeException.badInput(what + " private key does not decode: " + JdkErrors.describe(e));
        }
    }
}
