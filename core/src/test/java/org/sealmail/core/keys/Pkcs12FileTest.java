package org.sealmail.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sealmail.core.keys.Reference.assertCertificateIs;
import static org.sealmail.core.keys.Reference.assertDecryptionKey;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;

class Pkcs12FileTest {

    private static final char[] PASSWORD = "sealmail-test".toCharArray();
    private static final String WRONG_PASSWORD = "wrong password for the PKCS#12 file";
    private static final String WRONG_PASSWORD_WITH_HINT = WRONG_PASSWORD
            + "; give it with --password-env VAR or --password-file FILE";

    private static Pkcs12Contents read(String file, String password) throws SmimeException {
        return Pkcs12File.read(Reference.file(file), password.toCharArray());
    }

    private static SmimeException refused(byte[] p12, String password) {
        return assertThrows(SmimeException.class, () -> Pkcs12File.read(p12, password.toCharArray()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa2048-modern.p12, sealmail-test",      // OpenSSL 3 default: PBES2/AES-256-CBC, HMAC-SHA256
        "rsa2048-legacy-rc2.p12, sealmail-test",  // -legacy: RC2-40 certificates, 3DES key, HMAC-SHA1
        "rsa2048-legacy.p12, ''",                 // 3DES throughout, empty password
    })
    void opensslFilesGiveTheKeyWithItsCertificate(String file, String password) throws Exception {
        Pkcs12Contents contents = read(file, password);

        assertEquals(1, contents.keys().size());
        assertDecryptionKey("rsa2048", true, contents.keys().get(0));
        assertEquals(1, contents.keyCertificates().size());
        assertCertificateIs("rsa2048", contents.keyCertificates().get(0));
        assertEquals(List.of(), contents.otherCertificates());
    }

    @Test
    void chainFileSeparatesTheKeyCertificateFromTheCaCertificate() throws Exception {
        Pkcs12Contents contents = read("rsa2048-chain.p12", "sealmail-test");

        assertDecryptionKey("rsa2048", true, contents.keys().get(0));
        assertEquals(1, contents.keyCertificates().size());
        assertCertificateIs("rsa2048", contents.keyCertificates().get(0));
        assertEquals(1, contents.otherCertificates().size());
        assertArrayEquals(Reference.certificateDer("ca"), contents.otherCertificates().get(0).getEncoded());
    }

    @Test
    void fileWithoutMacIsReadWithThePasswordAlone() throws Exception {
        byte[] noMac = TestPkcs12.withoutMac(Reference.file("rsa2048-modern.p12"));

        assertDecryptionKey("rsa2048", true, Pkcs12File.read(noMac, PASSWORD).keys().get(0));
    }

    @Test
    void wrongPasswordForAFileWithoutMacIsStillReportedAsSuch() throws Exception {
        byte[] noMac = TestPkcs12.withoutMac(Reference.file("rsa2048-modern.p12"));

        assertEquals(WRONG_PASSWORD, refused(noMac, "not it").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa2048-modern.p12", "rsa2048-legacy-rc2.p12", "rsa2048-chain.p12", "rsa2048-legacy.p12"})
    void wrongPasswordIsOneExactLine(String file) {
        SmimeException e = refused(Reference.file(file), "sealmail-test!");

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals(WRONG_PASSWORD, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa2048-modern.p12", "rsa2048-legacy-rc2.p12"})
    void emptyPasswordForAProtectedFileSaysHowToGiveOne(String file) {
        SmimeException e = refused(Reference.file(file), "");

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals(WRONG_PASSWORD_WITH_HINT, e.getMessage());
    }

    @Test
    void nullPasswordCountsAsEmpty() throws Exception {
        assertDecryptionKey("rsa2048", true,
                Pkcs12File.read(Reference.file("rsa2048-legacy.p12"), null).keys().get(0));
        SmimeException e = assertThrows(SmimeException.class,
                () -> Pkcs12File.read(Reference.file("rsa2048-modern.p12"), null));
        assertEquals(WRONG_PASSWORD_WITH_HINT, e.getMessage());
    }

    @Test
    void twoKeysFromBouncyCastleEachGetTheirCertificate() throws Exception {
        // Non-ASCII password: the PKCS#12 KDF must see it as BMPString.
        char[] password = "pässwörd €".toCharArray();
        byte[] p12 = TestPkcs12.bouncyCastle(password, "rsa2048", "rsa3072");

        Pkcs12Contents contents = Pkcs12File.read(p12, password);

        assertEquals(2, contents.keys().size());
        assertDecryptionKey("rsa2048", true, contents.keys().get(0));
        assertDecryptionKey("rsa3072", true, contents.keys().get(1));
        assertEquals(2, contents.keyCertificates().size());
        assertCertificateIs("rsa2048", contents.keyCertificates().get(0));
        assertCertificateIs("rsa3072", contents.keyCertificates().get(1));
        assertEquals(List.of(), contents.otherCertificates());
    }

    @Test
    void twoKeysFromTheJdkKeyStoreEachGetTheirCertificate() throws Exception {
        byte[] p12 = TestPkcs12.jdkKeyStore(PASSWORD, "rsa2048", "bundle1");

        Pkcs12Contents contents = Pkcs12File.read(p12, PASSWORD);

        assertEquals(2, contents.keys().size());
        assertDecryptionKey("rsa2048", true, keyFor("Alice RSA 2048", contents));
        assertDecryptionKey("bundle1", true, keyFor("Bundle member 1", contents));
        assertEquals(2, contents.keyCertificates().size());
        assertTrue(contents.otherCertificates().size() >= 1);
        for (X509Certificate other : contents.otherCertificates()) {
            assertArrayEquals(Reference.certificateDer("ca"), other.getEncoded());
        }
    }

    @Test
    void certificateLinkedByLocalKeyIdWinsOverAnotherForTheSameKey() throws Exception {
        byte[] p12 = TestPkcs12.twoCertificatesForOneKey(PASSWORD);

        Pkcs12Contents contents = Pkcs12File.read(p12, PASSWORD);

        assertDecryptionKey("rsa2048", true, contents.keys().get(0));
        assertEquals(2, contents.keyCertificates().size(), "both certificates carry the key's public key");
        assertEquals("CN=Self-signed twin", contents.keyCertificates().get(0).getSubjectX500Principal().getName());
        assertCertificateIs("rsa2048", contents.keyCertificates().get(1));
    }

    private static DecryptionKey keyFor(String commonName, Pkcs12Contents contents) {
        return contents.keys().stream()
                .filter(key -> key.certificate().getSubjectX500Principal().getName().contains("CN=" + commonName))
                .findFirst().orElseThrow(() -> new AssertionError("no key for " + commonName));
    }

    @Test
    void emptyPasswordWrittenAsZeroBytesIsAcceptedLikeOpenSsl() throws Exception {
        // Bouncy Castle turns an empty password into no bytes, OpenSSL into two zero bytes.
        byte[] p12 = TestPkcs12.bouncyCastle(new char[0], "rsa2048");

        assertDecryptionKey("rsa2048", true, Pkcs12File.read(p12, new char[0]).keys().get(0));
        assertEquals(WRONG_PASSWORD, refused(p12, "x").getMessage());
    }

    @Test
    void anEcKeyIsReadWithItsCertificate() throws Exception {
        byte[] p12 = TestPkcs12.bouncyCastle(PASSWORD, "ec");

        Pkcs12Contents contents = Pkcs12File.read(p12, PASSWORD);

        assertEquals("EC", contents.keys().get(0).privateKey().getAlgorithm());
        Reference.assertCertificateIs("ec", contents.keys().get(0).certificate());
        assertEquals(List.of(), contents.unusableKeys());
    }

    @Test
    void anEd25519KeyIsLeftOutWithItsReasonButItsCertificateIsKept() throws Exception {
        byte[] p12 = TestPkcs12.bouncyCastle(PASSWORD, "ed25519");

        Pkcs12Contents contents = Pkcs12File.read(p12, PASSWORD);

        assertEquals(List.of(), contents.keys());
        assertEquals(List.of(ED25519_REFUSED), contents.unusableKeys());
        assertEquals(1, contents.keyCertificates().size());
    }

    private static final String ED25519_REFUSED = "Ed25519 private keys are not supported; only RSA, EC (P-256,"
            + " P-384, P-521), X25519 and X448 keys can decrypt";

    @Test
    void anEd25519KeyAloneCannotDecrypt() throws Exception {
        byte[] p12 = TestPkcs12.bouncyCastle(PASSWORD, "ed25519");

        SmimeException e = assertThrows(SmimeException.class, () -> KeyFiles.read(p12, PASSWORD));

        assertEquals(SmimeException.Reason.UNSUPPORTED, e.reason());
        assertEquals(ED25519_REFUSED, e.getMessage());
    }

    @Test
    void truncatedFileIsBadInputWhereverItIsCut() {
        byte[] p12 = Reference.file("rsa2048-chain.p12");
        for (int length = 0; length < p12.length; length += 37) {
            byte[] cut = Arrays.copyOf(p12, length);
            SmimeException e = assertThrows(SmimeException.class, () -> Pkcs12File.read(cut, PASSWORD),
                    "cut at " + length);
            assertEquals(SmimeException.Reason.BAD_INPUT, e.reason(), "cut at " + length + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("PKCS#12 file: "), e.getMessage());
        }
    }

    @Test
    void damageAnywhereIsAnSmimeExceptionAndNothingElse() throws Exception {
        // Without a MAC, damage reaches the decryption and the parsing of what it yields.
        byte[] p12 = TestPkcs12.withoutMac(Reference.file("rsa2048-chain.p12"));
        int structureBytes = 30;
        for (int at = 0; at < p12.length; at += at < structureBytes ? 1 : 5) {
            byte[] damaged = p12.clone();
            damaged[at] ^= (byte) 0xA5;
            try {
                Pkcs12File.read(damaged, PASSWORD);
                assertTrue(at >= structureBytes, "damage at byte " + at + " went unnoticed");
            } catch (SmimeException e) {
                assertTrue(e.reason() == SmimeException.Reason.BAD_INPUT
                        || e.reason() == SmimeException.Reason.UNSUPPORTED, "at " + at + ": " + e.getMessage());
            } catch (RuntimeException e) {
                fail("damage at byte " + at + " gave " + e, e);
            }
        }
    }

    @Test
    void damagedStructureIsNamed() {
        byte[] p12 = Reference.file("rsa2048-modern.p12");
        byte[] damaged = p12.clone();
        damaged[4] = 0x09; // version INTEGER becomes an unknown tag

        SmimeException e = refused(damaged, "sealmail-test");

        assertEquals("PKCS#12 file: malformed ASN.1 at byte 4: expected tag 0x02, found 0x09", e.getMessage());
    }

    @Test
    void hugeMacIterationCountIsRefusedQuickly() throws Exception {
        byte[] p12 = TestPkcs12.withMacIterations(Reference.file("rsa2048-modern.p12"), 2_000_000_000);

        SmimeException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(p12, "sealmail-test"));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("PKCS#12 file: MAC iteration count 2000000000 is above 2000000 (limit max-iterations)", e.getMessage());
    }

    @Test
    void notPkcs12IsNamed() {
        byte[] pkcs8Der = java.util.Base64.getMimeDecoder().decode(
                new String(Reference.file("rsa2048.key"), java.nio.charset.StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", ""));

        SmimeException e = refused(pkcs8Der, "");

        assertEquals("PKCS#12 file: version 0; expected 3", e.getMessage());
    }
}
