package org.sealmail.core.x509;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.pem.PemWriter;
import org.sealmail.core.testing.TestData;

class CertificateBundleTest {

    /** Inside every test certificate's validity period except expired.pem's and future.pem's. */
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final byte[] RSA2048_DER = TestData.read(TestData.pki("rsa2048.der"));
    private static final String PRIVATE_KEY_REFUSED = "private keys cannot be used as public keys; give the certificate";
    private static final String OPENPGP_REFUSED = "OpenPGP keys are not supported; give an X.509 certificate";

    // --- accepted ---------------------------------------------------------------------------

    @Test
    void acceptsOnePemCertificate() throws SmimeException {
        CertificateBundle bundle = CertificateBundle.parse(pem("rsa2048.pem"), NOW);

        assertEquals(1, bundle.certificates().size());
        assertEquals(new BigInteger("1000", 16), bundle.certificates().get(0).serialNumber());
        assertEquals(List.of(), bundle.warnings());
    }

    @Test
    void acceptsCrlfPem() throws SmimeException {
        byte[] crlf = new String(pem("rsa2048.pem"), US_ASCII).replace("\n", "\r\n").getBytes(US_ASCII);

        assertEquals(new BigInteger("1000", 16), CertificateBundle.parse(crlf, NOW).certificates().get(0).serialNumber());
    }

    @Test
    void acceptsBlankLinesAroundBlocks() throws SmimeException {
        byte[] spaced = join("\n\n", "rsa2048.pem", "\r\n\n", "rsa3072.pem", "\n \n");

        assertEquals(2, CertificateBundle.parse(spaced, NOW).certificates().size());
    }

    @Test
    void acceptsOneDerCertificateAsTheSameCertificateAsItsPem() throws SmimeException {
        RecipientCertificate fromDer = CertificateBundle.parse(RSA2048_DER, NOW).certificates().get(0);
        RecipientCertificate fromPem = CertificateBundle.parse(pem("rsa2048.pem"), NOW).certificates().get(0);

        assertEquals(fromPem.certificate(), fromDer.certificate());
    }

    @Test
    void keepsABundleOfThreeInInputOrder() throws SmimeException {
        List<RecipientCertificate> certificates = CertificateBundle.parse(pem("bundle-of-3.pem"), NOW).certificates();

        assertEquals(List.of("1003", "1004", "1005"), serials(certificates));
        assertEquals("emailAddress=member2@example.org,CN=Bundle member 2", certificates.get(1).subject());
    }

    @Test
    void keepsOldAndNewCertificatesOfAKeyRotationInInputOrder() throws SmimeException {
        assertEquals(List.of("1002", "1000"), serials(CertificateBundle.parse(join("rsa4096.pem", "rsa2048.pem"), NOW).certificates()));
        assertEquals(List.of("1000", "1002"), serials(CertificateBundle.parse(join("rsa2048.pem", "rsa4096.pem"), NOW).certificates()));
    }

    @Test
    void ignoresACrlNextToACertificate() throws SmimeException {
        CertificateBundle bundle = CertificateBundle.parse(join("ca-crl.pem", "rsa2048.pem"), NOW);

        assertEquals(List.of("1000"), serials(bundle.certificates()));
        assertEquals(List.of(), bundle.warnings());
    }

    @Test
    void ignoresAPublicKeyBlockNextToACertificate() throws SmimeException {
        String publicKey = PemWriter.write("PUBLIC KEY",
                CertificateBundle.parse(RSA2048_DER, NOW).certificates().get(0).publicKey().getEncoded());

        assertEquals(1, CertificateBundle.parse(join(publicKey, "rsa3072.pem"), NOW).certificates().size());
    }

    @Test
    void acceptsACertificateWithoutAKeyUsageExtension() throws SmimeException {
        CertificateBundle bundle = CertificateBundle.parse(pem("nokeyusage.pem"), NOW);

        assertEquals("CN=No keyUsage extension", bundle.certificates().get(0).subject());
        assertEquals(List.of(), bundle.warnings());
    }

    @Test
    void acceptsAnExpiredCertificateWithAWarning() throws SmimeException {
        CertificateBundle bundle = CertificateBundle.parse(join("rsa2048.pem", "expired.pem"), NOW);

        assertEquals(2, bundle.certificates().size());
        assertEquals(List.of("certificate 2 of 2 (CN=Expired): expired on 2021-01-01; accepted, but renew it"),
                bundle.warnings());
    }

    @Test
    void warnsOfExpiryByTheSystemClockByDefault() throws SmimeException {
        assertEquals(1, CertificateBundle.parse(pem("expired.pem")).warnings().size());
    }

    @Test
    void treatsTheNotAfterInstantItselfAsStillValid() throws SmimeException {
        Instant notAfter = Instant.parse("2021-01-01T00:00:00Z");

        assertEquals(List.of(), CertificateBundle.parse(pem("expired.pem"), notAfter).warnings());
        assertEquals(1, CertificateBundle.parse(pem("expired.pem"), notAfter.plusSeconds(1)).warnings().size());
    }

    @Test
    void acceptsANotYetValidCertificateWithAWarning() throws SmimeException {
        CertificateBundle bundle = CertificateBundle.parse(pem("future.pem"), NOW);

        assertEquals(List.of("certificate 1 of 1 (CN=Not yet valid): not valid before 2050-01-01;"
                + " accepted, but check its dates and this system's clock"), bundle.warnings());
        assertEquals(List.of(), CertificateBundle.parse(pem("future.pem"), Instant.parse("2050-06-01T00:00:00Z")).warnings());
    }

    // --- refused: not exactly one certificate -----------------------------------------------

    @Test
    void refusesTwoCertificatesInOneBlock() {
        byte[] twoInOne = PemWriter.write("CERTIFICATE", concat(RSA2048_DER, RSA2048_DER)).getBytes(US_ASCII);

        assertRefused("block 1: 844 bytes follow the certificate; a CERTIFICATE block holds exactly one certificate",
                twoInOne);
    }

    @Test
    void refusesTrailingBytesInABlockNamingTheBlock() {
        byte[] trailing = join("rsa2048.pem", PemWriter.write("CERTIFICATE", concat(RSA2048_DER, new byte[1])));

        assertRefused("block 2: 1 byte follows the certificate; a CERTIFICATE block holds exactly one certificate",
                trailing);
    }

    @Test
    void refusesDerWithTrailingBytes() {
        assertRefused("DER input: 2 bytes follow the certificate; a DER file holds exactly one certificate;"
                + " give several as PEM", concat(RSA2048_DER, new byte[2]));
    }

    @Test
    void refusesDerOfTwoCertificates() {
        assertRefused("DER input: 844 bytes follow the certificate; a DER file holds exactly one certificate;"
                + " give several as PEM", concat(RSA2048_DER, RSA2048_DER));
    }

    @Test
    void refusesTruncatedDerWithAShortReason() {
        SmimeException e = refused(Arrays.copyOf(RSA2048_DER, 400));

        assertTrue(e.getMessage().startsWith("DER input: not a valid X.509 certificate: "), e.getMessage());
    }

    @Test
    void refusesABlockThatIsNotACertificate() {
        byte[] notDer = PemWriter.write("CERTIFICATE", "sealmail".getBytes(US_ASCII)).getBytes(US_ASCII);

        assertRefused("block 1: not a valid X.509 certificate: does not start with a DER SEQUENCE", notDer);
    }

    @Test
    void refusesAnEmptyCertificateBlock() {
        assertRefused("block 1: not a valid X.509 certificate: no content",
                "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n".getBytes(US_ASCII));
    }

    @Test
    void refusesABerEncodedCertificateThatTheJdkWouldAccept() {
        // The outer length 0x82 0x0348 rewritten with a redundant leading zero byte: 0x83 0x000348.
        byte[] ber = new byte[RSA2048_DER.length + 1];
        ber[0] = 0x30;
        ber[1] = (byte) 0x83;
        System.arraycopy(RSA2048_DER, 2, ber, 3, RSA2048_DER.length - 2);

        assertRefused("block 1: not a valid X.509 certificate: not DER-encoded",
                PemWriter.write("CERTIFICATE", ber).getBytes(US_ASCII));
    }

    @Test
    void refusesAPemCertificateWrappedInsideAnotherBlock() {
        // The JDK parser would read PEM text here too.
        assertRefused("block 1: not a valid X.509 certificate: does not start with a DER SEQUENCE",
                PemWriter.write("CERTIFICATE", pem("rsa2048.pem")).getBytes(US_ASCII));
    }

    @Test
    void neverLetsAnythingButSmimeExceptionEscapeOnCorruptCertificates() {
        Random random = new Random(1);
        int refusedCount = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] corrupt = round < RSA2048_DER.length ? Arrays.copyOf(RSA2048_DER, round) : RSA2048_DER.clone();
            if (round >= RSA2048_DER.length) {
                corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
            }
            byte[] input = round % 2 == 0 ? corrupt : PemWriter.write("CERTIFICATE", corrupt).getBytes(US_ASCII);
            try {
                CertificateBundle.parse(input, NOW);
            } catch (SmimeException e) {
                refusedCount++;
                assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            } catch (RuntimeException e) {
                fail("round " + round + " escaped as " + e, e);
            }
        }
        assertTrue(refusedCount > 1000, "only " + refusedCount + " refused");
    }

    // --- refused: no certificate ------------------------------------------------------------

    @Test
    void refusesEmptyInput() {
        assertRefused("no certificate found: the input is empty", new byte[0]);
    }

    @Test
    void refusesWhitespaceOnlyInput() {
        assertRefused("no certificate found: the input is empty", " \r\n\n\t".getBytes(US_ASCII));
    }

    @Test
    void refusesACrlAlone() {
        assertRefused("no certificate found: the input holds only X509 CRL", pem("ca-crl.pem"));
    }

    @Test
    void refusesInputThatIsNeitherPemNorDer() {
        assertRefused("no certificate found: the input is neither PEM nor DER", "alice@example.org\n".getBytes(US_ASCII));
    }

    @Test
    void reportsPemArmorErrors() {
        assertRefused("line 1: text outside a PEM block", join("Certificate:\n", "rsa2048.pem"));
    }

    @Test
    void refusesCertificateLabelsOtherThanCertificateRatherThanDroppingARecipient() {
        String trusted = new String(pem("rsa3072.pem"), US_ASCII).replace(" CERTIFICATE-", " TRUSTED CERTIFICATE-");

        assertRefused("block 2 (TRUSTED CERTIFICATE): only CERTIFICATE blocks are accepted;"
                + " convert it with \"openssl x509\"", join("rsa2048.pem", trusted));
    }

    // --- refused: private keys and OpenPGP --------------------------------------------------

    @Test
    void refusesAPrivateKeyFile() {
        assertRefused("block 1 (PRIVATE KEY): " + PRIVATE_KEY_REFUSED, pem("rsa2048.key"));
    }

    @Test
    void refusesACertificateFollowedByItsPrivateKey() {
        assertRefused("block 2 (PRIVATE KEY): " + PRIVATE_KEY_REFUSED, join("rsa2048.pem", "rsa2048.key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"})
    void refusesEveryKindOfPrivateKeyEvenWithHeadersAndBadBase64(String label) {
        String key = "-----BEGIN " + label + "-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00FF\n\n"
                + "not*base64\n-----END " + label + "-----\n";

        assertRefused("block 2 (" + label + "): " + PRIVATE_KEY_REFUSED, join("rsa2048.pem", key));
    }

    @Test
    void refusesAPrivateKeyBeforeReportingABadCertificateBlock() {
        String badCertificate = "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";

        assertRefused("block 2 (PRIVATE KEY): " + PRIVATE_KEY_REFUSED, join(badCertificate, "rsa2048.key"));
    }

    @Test
    void refusesAnArmoredOpenPgpKeyBeforeItsHeadersAndChecksumCanTripThePemRules() {
        String openPgp = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nVersion: GnuPG v2\nComment: alice\n\n"
                + "mDMEZQABCxYJKwYBBAHaRw8BAQdA\n=XH2v\n-----END PGP PUBLIC KEY BLOCK-----\n";

        assertRefused("block 1 (PGP PUBLIC KEY BLOCK): " + OPENPGP_REFUSED, openPgp.getBytes(US_ASCII));
        assertRefused("block 2 (PGP PUBLIC KEY BLOCK): " + OPENPGP_REFUSED, join("rsa2048.pem", openPgp));
    }

    @Test
    void refusesABinaryOpenPgpKey() {
        // Old-format public key packet (tag 6, two-byte length) and new-format (0xC6), version 4.
        assertRefused(OPENPGP_REFUSED, new byte[] {(byte) 0x99, 0x01, 0x0d, 0x04, 0x65, 0x00});
        assertRefused(OPENPGP_REFUSED, new byte[] {(byte) 0xc6, 0x33, 0x04, 0x65, 0x00});
    }

    // --- refused: keys that cannot receive a content key ------------------------------------

    @Test
    void refusesAnRsaKeyBelow2048BitsNamingItsPlaceInTheBundle() {
        assertRefused("certificate 2 of 3 (CN=Weak RSA 1024): RSA key of 1024 bits; at least 2048 are required",
                join("rsa2048.pem", "rsa1024.pem", "rsa3072.pem"));
    }

    @Test
    void refusesAnEcKey() {
        assertRefused("certificate 1 of 1 (CN=EC P-256): EC P-256 key whose key usage does not allow key agreement",
                pem("ec.pem"));
    }

    @Test
    void refusesAnEd25519Key() {
        assertRefused("certificate 1 of 1 (CN=Ed25519): Ed25519 keys are not supported; an RSA, EC (P-256, P-384, P-521), X25519 or X448 key is required",
                pem("ed25519.pem"));
    }

    @Test
    void refusesADsaKey() {
        byte[] dsa = BuiltCertificates.certificate("CN=DSA", BigInteger.TEN, BuiltCertificates.newPublicKey("DSA", 2048));

        assertRefused("certificate 1 of 1 (CN=DSA): DSA keys are not supported; an RSA, EC (P-256, P-384, P-521), X25519 or X448 key is required", dsa);
    }

    @Test
    void refusesAnRsassaPssKeyWhichIsForSignaturesOnly() throws SmimeException {
        RSAPublicKey rsa = (RSAPublicKey) CertificateBundle.parse(RSA2048_DER, NOW).certificates().get(0).publicKey();
        byte[] pss = BuiltCertificates.certificate("CN=PSS", BigInteger.TEN, BuiltCertificates.asRsassaPssKey(rsa));

        assertRefused("certificate 1 of 1 (CN=PSS): RSASSA-PSS keys are not supported; an RSA, EC (P-256, P-384, P-521), X25519 or X448 key is required", pss);
    }

    @Test
    void refusesAKeyUsageWithoutKeyEncipherment() {
        assertRefused("certificate 1 of 1 (CN=Signing only): key usage does not allow key encipherment",
                pem("signonly.pem"));
    }

    @Test
    void refusesACaCertificate() {
        assertRefused("certificate 1 of 1 (CN=sealmail Test CA): key usage does not allow key encipherment",
                pem("ca.pem"));
    }

    @Test
    void refusesTheWholeBundleWhenOneCertificateIsRefusedEvenIfOthersWarn() {
        SmimeException e = refused(join("expired.pem", "signonly.pem"));

        assertTrue(e.getMessage().startsWith("certificate 2 of 2 (CN=Signing only): "), e.getMessage());
    }

    // --- helpers ----------------------------------------------------------------------------

    private static void assertRefused(String expectedMessage, byte[] input) {
        assertEquals(expectedMessage, refused(input).getMessage());
    }

    private static SmimeException refused(byte[] input) {
        SmimeException e = assertThrows(SmimeException.class, () -> CertificateBundle.parse(input, NOW));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        return e;
    }

    private static byte[] pem(String name) {
        return TestData.read(TestData.pki(name));
    }

    /** Concatenates test files (names ending .pem or .key) and literal text, in order. */
    private static byte[] join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            boolean isFile = part.matches("[a-z0-9-]+\\.(pem|key)");
            out.append(isFile ? new String(pem(part), US_ASCII) : part);
        }
        return out.toString().getBytes(US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static List<String> serials(List<RecipientCertificate> certificates) {
        return certificates.stream().map(c -> c.serialNumber().toString(16)).toList();
    }
}
