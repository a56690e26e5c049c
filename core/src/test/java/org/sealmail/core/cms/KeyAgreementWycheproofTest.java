package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;
import org.sealmail.core.testing.WycheproofVectors;
import org.sealmail.core.testing.WycheproofVectors.Case;
import org.sealmail.core.x509.EcCurve;

/** Project Wycheproof vectors against the pieces of key agreement: ECDH P-256, X25519, AES key wrap. */
class KeyAgreementWycheproofTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    private static boolean acceptable(Case c) {
        return "acceptable".equals(c.test().get("result"));
    }

    /**
     * Only public keys as a CMS originator can carry them are tried: a P-256 point, named by its
     * OID, uncompressed (RFC 5753's originator key has no curve parameters of its own). Valid ones
     * must agree with the vector, invalid ones (points off the curve, on another curve) must fail.
     */
    @Test
    void ecdhP256AgreesOnValidPointsAndRefusesInvalidOnes() throws Exception {
        int valid = 0;
        int invalid = 0;
        for (Case c : WycheproofVectors.load("ecdh_secp256r1_test.json")) {
            byte[] point = uncompressedP256Point(hex(c.text("public")));
            if (point == null || acceptable(c)) {
                continue;
            }
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                    new ECPrivateKeySpec(new BigInteger(1, hex(c.text("private"))), p256Spec()));
            byte[] shared = KeyAgreementKeys.sharedSecret(key, Oids.EC_PUBLIC_KEY, point);
            if (c.valid()) {
                assertArrayEquals(hex(c.text("shared")), shared, c.name());
                valid++;
            } else {
                assertNull(shared, c.name());
                invalid++;
            }
        }
        assertTrue(valid > 0 && invalid > 0, valid + " valid, " + invalid + " invalid");
    }

    private static ECParameterSpec p256Spec() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(EcCurve.P_256.jceName()));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    /** The point of a SubjectPublicKeyInfo naming P-256, if uncompressed; else null. */
    private static byte[] uncompressedP256Point(byte[] spki) {
        try {
            BerReader outer = BerReader.of(spki);
            BerReader info = outer.readSequence();
            outer.expectEnd("spki");
            BerReader algorithm = info.readSequence();
            if (!algorithm.readOid().equals(Oids.EC_PUBLIC_KEY) || algorithm.isEmpty()
                    || algorithm.peekTag() != Tag.OBJECT_IDENTIFIER || !algorithm.readOid().equals(EcCurve.P_256.oid())) {
                return null;
            }
            byte[] bits = info.read(Tag.BIT_STRING).primitiveContent();
            info.expectEnd("spki");
            if (bits.length != 66 || bits[0] != 0 || bits[1] != 4) {
                return null;
            }
            return Arrays.copyOfRange(bits, 1, bits.length);
        } catch (SmimeException e) {
            return null;
        }
    }

    @Test
    void x25519AgreesOnEveryValidVector() throws Exception {
        int valid = 0;
        for (Case c : WycheproofVectors.load("x25519_test.json")) {
            PrivateKey key = KeyFactory.getInstance("XDH").generatePrivate(
                    new XECPrivateKeySpec(NamedParameterSpec.X25519, hex(c.text("private"))));
            byte[] shared = KeyAgreementKeys.sharedSecret(key, Oids.X25519, hex(c.text("public")));
            if (c.valid()) {
                assertArrayEquals(hex(c.text("shared")), shared, c.name());
                valid++;
            } else if (shared != null) {
                // acceptable: low-order points and the like; if a secret comes out it is the right one
                assertArrayEquals(hex(c.text("shared")), shared, c.name());
            }
        }
        assertTrue(valid > 0);
    }

    @Test
    void aesKeyWrapUnwrapsValidVectorsAndRefusesInvalidOnes() throws Exception {
        int valid = 0;
        int invalid = 0;
        for (Case c : WycheproofVectors.load("aes_wrap_test.json")) {
            byte[] unwrapped = KeyWrap.unwrap(hex(c.text("key")), hex(c.text("ct")));
            if (c.valid() && hex(c.text("msg")).length >= 16) {
                assertArrayEquals(hex(c.text("msg")), unwrapped, c.name());
                valid++;
            } else if (!c.valid() && !acceptable(c)) {
                assertNull(unwrapped, c.name());
                invalid++;
            }
        }
        assertTrue(valid > 0 && invalid > 0, valid + " valid, " + invalid + " invalid");
    }
}
