package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.testing.WycheproofVectors;
import org.sealmail.core.testing.WycheproofVectors.Case;

/** Project Wycheproof vectors against our content decryption and RSA key transport. */
class WycheproofTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    private static ContentDecryption aesFor(int keyBytes) {
        return switch (keyBytes) {
            case 16 -> ContentDecryption.AES128_CBC;
            case 24 -> ContentDecryption.AES192_CBC;
            default -> ContentDecryption.AES256_CBC;
        };
    }

    @Test
    void aesCbcPkcs5ValidVectorsDecryptAndInvalidOnesFail() throws Exception {
        List<Case> cases = WycheproofVectors.load("aes_cbc_pkcs5_test.json");
        int valid = 0;
        int invalid = 0;
        for (Case c : cases) {
            byte[] key = hex(c.text("key"));
            byte[] plain = aesFor(key.length).decrypt(key, hex(c.text("iv")), hex(c.text("ct")));
            if (c.valid()) {
                assertArrayEquals(hex(c.text("msg")), plain, c.name());
                valid++;
            } else {
                assertNull(plain, c.name());
                invalid++;
            }
        }
        assertTrue(valid > 0 && invalid > 0, "vectors of both kinds were run");
    }

    @Test
    void streamingDecryptionFedOneByteAtATimeAgreesWithWholeArrayDecryptionOnEveryVector() throws Exception {
        for (Case c : WycheproofVectors.load("aes_cbc_pkcs5_test.json")) {
            byte[] key = hex(c.text("key"));
            byte[] iv = hex(c.text("iv"));
            byte[] ct = hex(c.text("ct"));
            ContentDecryption cipher = aesFor(key.length);
            java.io.InputStream trickle = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(ct)) {
                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    return super.read(b, off, Math.min(len, 1));
                }
            };
            java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
            boolean opened = cipher.decrypt(key, iv, trickle, plain, () -> { });
            byte[] whole = cipher.decrypt(key, iv, ct);
            assertEquals(whole != null, opened, c.name());
            if (opened) {
                assertArrayEquals(whole, plain.toByteArray(), c.name());
            }
        }
    }

    private static PrivateKey wycheproofKey(Case c) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(hex((String) c.group().get("privateKeyPkcs8"))));
    }

    @Test
    void rsaPkcs1ValidVectorsDecryptAndInvalidPaddingsAreRejectedQuietly() throws Exception {
        List<Case> cases = WycheproofVectors.load("rsa_pkcs1_2048_test.json");
        int invalid = 0;
        for (Case c : cases) {
            byte[] result = new RsaPkcs1Recipient().unwrap(keyTransport(Oids.RSA_ENCRYPTION, null, c), wycheproofKey(c));
            if (c.valid()) {
                assertArrayEquals(hex(c.text("msg")), result, c.name());
            } else {
                assertNull(result, c.name());
                invalid++;
            }
        }
        assertTrue(invalid > 0);
    }

    private static RecipientInfo keyTransport(String oid, byte[] parameters, Case c) {
        return new RecipientInfo(RecipientInfo.Kind.KEY_TRANSPORT, 0, null, oid, parameters, hex(c.text("ct")), null);
    }

    /** The RSAES-OAEP-params sealmail writes: SHA-256, MGF1-SHA-256, empty label (the vectors' own choice). */
    private static byte[] oaepSha256Parameters() throws SmimeException {
        org.sealmail.core.asn1.DerWriter out = new org.sealmail.core.asn1.DerWriter();
        OaepParameters.SHA256.addAlgorithmIdentifier(out);
        org.sealmail.core.asn1.BerReader algorithm = org.sealmail.core.asn1.BerReader.of(out.toByteArray()).readSequence();
        algorithm.readOid();
        return algorithm.readEncoded();
    }

    @Test
    void rsaOaepSha256VectorsWithoutLabelDecryptAndInvalidOnesAreRejectedQuietly() throws Exception {
        List<Case> cases = WycheproofVectors.load("rsa_oaep_2048_sha256_mgf1sha256_test.json");
        byte[] parameters = oaepSha256Parameters();
        int valid = 0;
        int invalid = 0;
        for (Case c : cases) {
            if (!c.text("label").isEmpty()) {
                continue; // CMS carries no label: sealmail always uses the empty one
            }
            byte[] result = new RsaOaepRecipient().unwrap(keyTransport(Oids.RSAES_OAEP, parameters, c), wycheproofKey(c));
            if (c.valid()) {
                assertArrayEquals(hex(c.text("msg")), result, c.name());
                valid++;
            } else {
                assertNull(result, c.name());
                invalid++;
            }
        }
        assertTrue(valid > 0 && invalid > 0, valid + " valid, " + invalid + " invalid");
    }

    /**
     * Every invalid RSA padding, put in a message whose recipient matched the key, ends in the
     * one error text that a wrong key and a damaged body also give.
     */
    @Test
    void everyInvalidRsaPaddingEndsInTheSameErrorAsAWrongKey() throws Exception {
        List<Case> cases = WycheproofVectors.load("rsa_pkcs1_2048_test.json");
        PrivateKey privateKey = wycheproofKey(cases.get(0));
        X509Certificate certificate = selfSigned(privateKey);
        EnvelopedMessage genuine = EnvelopedDataParser.parse(EnvelopedDataWriterTest.encrypt(
                List.of(certificate), ContentCipher.AES128_CBC, new byte[100]));
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(List.of(new DecryptionKey(privateKey, certificate)));

        Set<String> messages = new HashSet<>();
        int tried = 0;
        for (Case c : cases) {
            boolean wrongSizeKey = c.valid() && hex(c.text("msg")).length != 16;
            if (c.valid() && !wrongSizeKey) {
                continue;
            }
            EnvelopedMessage forged = EnvelopedDataDecryptorTest.withEncryptedKey(genuine, hex(c.text("ct")));
            SmimeException e = assertThrows(SmimeException.class, () -> decryptor.decrypt(forged), c.name());
            assertEquals(SmimeException.Reason.BAD_INPUT, e.reason(), c.name());
            messages.add(e.getMessage());
            tried++;
        }
        assertEquals(Set.of(EnvelopedDataDecryptor.CANNOT_DECRYPT), messages);
        assertTrue(tried > 20, "ran " + tried + " forged recipient infos");
    }

    private static X509Certificate selfSigned(PrivateKey privateKey) throws Exception {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        X500Name name = new X500Name("CN=Wycheproof RSA 2048");
        Date now = new Date();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(7), now, new Date(now.getTime() + 86_400_000L), name, publicKey)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(new KeyPair(publicKey, privateKey).getPrivate())));
    }

    @Test
    void aesOidsAreTheOnesRfc3565Names() {
        assertEquals("aes128-cbc", Oids.name(Oids.AES128_CBC));
    }
}
