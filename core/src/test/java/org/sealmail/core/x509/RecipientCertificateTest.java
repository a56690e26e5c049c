package org.sealmail.core.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.sealmail.core.Escaping;
import org.sealmail.core.SmimeException;
import org.sealmail.core.testing.TestData;

/** Expected literals come from {@code openssl x509 -noout -serial -subject -enddate -modulus -nameopt RFC2253}. */
class RecipientCertificateTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void describesACertificateOnOneScriptFriendlyLine() throws SmimeException {
        assertEquals("subject=\"emailAddress=alice2048@example.org,CN=Alice RSA 2048\" serial=1000 key=RSA-2048"
                + " not-after=2046-11-29", only("rsa2048.pem").describe());
    }

    @Test
    void describesTheSerialInLowercaseHexAsOpensslPrintsIt() throws SmimeException {
        // openssl x509 -in nokeyusage.pem -noout -serial: serial=100A
        assertTrue(only("nokeyusage.pem").describe().contains(" serial=100a "));
    }

    @Test
    void writesSerialsWithTwoHexDigitsPerByte() {
        assertEquals("00", CertificateNames.serialHex(BigInteger.ZERO));
        assertEquals("01", CertificateNames.serialHex(BigInteger.ONE));
        assertEquals("80", CertificateNames.serialHex(BigInteger.valueOf(0x80)));
        assertEquals("0100", CertificateNames.serialHex(BigInteger.valueOf(0x100)));
        assertEquals("-1f", CertificateNames.serialHex(BigInteger.valueOf(-0x1f)));
        // openssl x509 -in ca.pem -noout -serial
        assertEquals("13815CDBD6738DA222CC7C1BC6DEE60249EEC91B".toLowerCase(),
                CertificateNames.serialHex(new BigInteger("13815CDBD6738DA222CC7C1BC6DEE60249EEC91B", 16)));
    }

    @Test
    void givesTheSubjectInRfc2253FormAsOpensslPrintsIt() throws SmimeException {
        assertEquals("emailAddress=alice2048@example.org,CN=Alice RSA 2048", only("rsa2048.pem").subject());
    }

    @Test
    void givesSerialNotAfterAndKeyAsOpensslReportsThem() throws SmimeException {
        RecipientCertificate alice = only("rsa2048.pem");

        assertEquals(BigInteger.valueOf(0x1000), alice.serialNumber());
        assertEquals(Instant.parse("2046-11-29T15:34:00Z"), alice.notAfter());
        assertEquals("RSA 2048", alice.keyDescription());
        assertTrue(((java.security.interfaces.RSAPublicKey) alice.publicKey()).getModulus().toString(16).toUpperCase()
                .startsWith("F28DE5F803E5735ECBCEC82EF441545980B96974"));
    }

    @Test
    void describesLargerKeysBySize() throws SmimeException {
        assertEquals("RSA 3072", only("rsa3072.pem").keyDescription());
        assertTrue(only("rsa4096.pem").describe().contains(" key=RSA-4096 "));
    }

    @Test
    void givesTheIssuerNameAsTheCaEncodedIt() throws SmimeException {
        byte[] caSubject = TestData.read(TestData.pki("ca.pem"));
        X500Principal caName;
        try {
            caName = ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(caSubject))).getSubjectX500Principal();
        } catch (java.security.cert.CertificateException e) {
            throw new AssertionError(e);
        }

        byte[] issuer = only("rsa2048.pem").issuerDer();

        assertArrayEquals(caName.getEncoded(), issuer);
        assertEquals("CN=sealmail Test CA", new X500Principal(issuer).getName());
    }

    @Test
    void escapesQuotesBackslashesAndLineBreaksInTheSubject() {
        assertEquals("a\\\"b\\\\c\\x0ad\\x0de\\u2028f", Escaping.escape("a\"b\\c\nd\re\u2028f"));
    }

    @Test
    void keepsAnAwkwardSubjectOnOneLineInsideItsQuotes() throws SmimeException {
        byte[] der = BuiltCertificates.certificate("CN=Say \\\"hi\\\"\\, ok", BigInteger.valueOf(0x80),
                (java.security.interfaces.RSAPublicKey) only("rsa2048.pem").publicKey());

        String line = CertificateBundle.parse(der, NOW).certificates().get(0).describe();

        assertEquals("subject=\"CN=Say \\\\\\\"hi\\\\\\\"\\\\, ok\" serial=80 key=RSA-2048 not-after=2045-01-01", line);
    }

    private static RecipientCertificate only(String file) throws SmimeException {
        return CertificateBundle.parse(TestData.read(TestData.pki(file)), NOW).certificates().get(0);
    }
}
