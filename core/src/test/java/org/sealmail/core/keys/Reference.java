package org.sealmail.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.sealmail.core.testing.TestData;

/**
 * What the test files must yield, worked out independently of the code under test: keys
 * through Bouncy Castle's parser, certificate bytes by decoding the PEM base64 by hand.
 */
final class Reference {

    private Reference() {
    }

    static byte[] file(String name) {
        return TestData.read(TestData.pki(name));
    }

    /** The RSAPrivateKey structure of testdata/pki/NAME.key, read by Bouncy Castle. */
    static org.bouncycastle.asn1.pkcs.RSAPrivateKey rsaKey(String name) throws IOException {
        String pem = new String(file(name + ".key"), StandardCharsets.US_ASCII);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            PrivateKeyInfo info = (PrivateKeyInfo) parser.readObject();
            return org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(info.parsePrivateKey());
        }
    }

    /** The DER of the first certificate in testdata/pki/NAME.pem. */
    static byte[] certificateDer(String name) {
        String pem = new String(file(name + ".pem"), StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
        int end = pem.indexOf("-----END CERTIFICATE-----", begin);
        String base64 = pem.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end);
        return Base64.getMimeDecoder().decode(base64);
    }

    static void assertKeyIs(String name, PrivateKey actual) throws IOException {
        org.bouncycastle.asn1.pkcs.RSAPrivateKey expected = rsaKey(name);
        RSAPrivateKey rsa = assertInstanceOf(RSAPrivateKey.class, actual);
        assertEquals(expected.getModulus(), rsa.getModulus(), "modulus of " + name);
        assertEquals(expected.getPrivateExponent(), rsa.getPrivateExponent(), "private exponent of " + name);
    }

    static void assertCertificateIs(String name, X509Certificate actual) throws Exception {
        assertNotNull(actual, "certificate of " + name);
        assertArrayEquals(certificateDer(name), actual.getEncoded(), "certificate of " + name);
    }

    /** The key of NAME, with NAME's certificate or none. */
    static void assertDecryptionKey(String name, boolean withCertificate, DecryptionKey actual) throws Exception {
        assertKeyIs(name, actual.privateKey());
        if (withCertificate) {
            assertCertificateIs(name, actual.certificate());
        } else {
            assertNull(actual.certificate(), "no certificate expected");
        }
    }
}
