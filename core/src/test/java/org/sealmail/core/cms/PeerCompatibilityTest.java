package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.core.testing.TestData;
import org.sealmail.core.x509.CertificateBundle;

/** The warnings name the readers that really cannot open the choice, cipher and keys together. */
class PeerCompatibilityTest {

    private static CertificateBundle bundle(String name) throws Exception {
        return CertificateBundle.parse(TestData.read(TestData.pki(name)));
    }

    @Test
    void rsaWithCbcAndPkcs1IsOpenedByEveryReader() throws Exception {
        assertEquals(List.of(), PeerCompatibility.warnings(bundle("rsa2048.pem"), RecipientOptions.DEFAULT,
                ContentCipher.AES256_CBC));
    }

    @Test
    void anEcCertificateWithCbcLeavesOpenSslAble() throws Exception {
        List<String> warnings = PeerCompatibility.warnings(bundle("ec-p256.pem"), RecipientOptions.DEFAULT,
                ContentCipher.AES256_CBC);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).endsWith("OpenSSL-based readers can"), warnings.get(0));
    }

    @Test
    void anEcCertificateWithChaCha20DoesNotPromiseOpenSsl() throws Exception {
        List<String> warnings = PeerCompatibility.warnings(bundle("ec-p256.pem"), RecipientOptions.DEFAULT,
                ContentCipher.CHACHA20_POLY1305);
        assertEquals(2, warnings.size(), warnings.toString());
        for (String warning : warnings) {
            assertTrue(warning.endsWith("and OpenSSL 3.0 cannot open it; Bouncy Castle-based readers can"), warning);
        }
    }
}
