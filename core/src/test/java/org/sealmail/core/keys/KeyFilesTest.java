package org.sealmail.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.keys.Reference.assertDecryptionKey;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.pem.PemWriter;

class KeyFilesTest {

    private static final String HINT = "; give it with --password-env VAR or --password-file FILE";

    private static List<DecryptionKey> read(byte[] file, String password) throws SmimeException {
        return KeyFiles.read(file, password.toCharArray());
    }

    private static SmimeException refused(byte[] file, String password) {
        return assertThrows(SmimeException.class, () -> read(file, password));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa2048-modern.p12, sealmail-test, true",
        "rsa2048-legacy-rc2.p12, sealmail-test, true",
        "rsa2048-chain.p12, sealmail-test, true",
        "rsa2048-legacy.p12, '', true",
        "rsa2048.key, '', false",                      // PKCS#8 PRIVATE KEY
        "rsa2048-pkcs1.pem, '', false",                // PKCS#1 RSA PRIVATE KEY
        "rsa2048-pkcs8.der, '', false",                // PKCS#8 in DER, no armor
        "rsa2048-encrypted.pem, sealmail-test, false", // ENCRYPTED PRIVATE KEY, PBES2 AES-256 HMAC-SHA256
        "rsa2048-with-cert.pem, '', true",             // openssl pkcs12 -nodes: Bag Attributes text, cert then key
    })
    void everyFormGivesTheSameKey(String file, String password, boolean withCertificate) throws Exception {
        List<DecryptionKey> keys = read(Reference.file(file), password);

        assertEquals(1, keys.size());
        assertDecryptionKey("rsa2048", withCertificate, keys.get(0));
    }

    @Test
    void plainPemOfKeyAndCertificateAttachesTheCertificateInEitherOrder() throws Exception {
        byte[] key = Reference.file("rsa2048.key");
        byte[] certificates = concat(Reference.file("ca.pem"), Reference.file("rsa2048.pem"));

        assertDecryptionKey("rsa2048", true, read(concat(key, certificates), "").get(0));
        assertDecryptionKey("rsa2048", true, read(concat(certificates, key), "").get(0));
    }

    @Test
    void severalKeysComeInFileOrderEachWithItsOwnCertificate() throws Exception {
        byte[] file = concat(Reference.file("bundle2.pem"), Reference.file("rsa2048.key"),
                Reference.file("bundle1.key"), Reference.file("bundle2.key"), Reference.file("rsa2048.pem"));

        List<DecryptionKey> keys = read(file, "");

        assertEquals(3, keys.size());
        assertDecryptionKey("rsa2048", true, keys.get(0));
        assertDecryptionKey("bundle1", false, keys.get(1));
        assertDecryptionKey("bundle2", true, keys.get(2));
    }

    @Test
    void wrongPasswordForAnEncryptedKeyIsOneLine() {
        SmimeException wrong = refused(Reference.file("rsa2048-encrypted.pem"), "sealmail-tesT");
        SmimeException none = refused(Reference.file("rsa2048-encrypted.pem"), "");

        assertEquals(SmimeException.Reason.BAD_INPUT, wrong.reason());
        assertEquals("wrong password for the encrypted private key", wrong.getMessage());
        assertEquals("wrong password for the encrypted private key" + HINT, none.getMessage());
    }

    @Test
    void wrongPasswordForPkcs12ComesThroughUnchanged() {
        assertEquals("wrong password for the PKCS#12 file" + HINT,
                refused(Reference.file("rsa2048-modern.p12"), "").getMessage());
    }

    @Test
    void traditionalEncryptedPemIsRefusedWithTheConversionCommand() {
        SmimeException e = refused(Reference.file("rsa2048-traditional-encrypted.pem"), "sealmail-test");

        assertEquals(SmimeException.Reason.UNSUPPORTED, e.reason());
        assertEquals("the private key is encrypted in OpenSSL's old PEM form (Proc-Type: 4,ENCRYPTED),"
                + " which is not supported; convert it to encrypted PKCS#8 with:"
                + " openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY.pem -out KEY-pkcs8.pem", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-p256.key", "ec-p256-sec1.pem", "ec-p256-encrypted.pem", "ec-p256-modern.p12",
        "ec-p256-legacy.p12"})
    void theSameEcKeyLoadsFromEveryForm(String file) throws Exception {
        String password = file.endsWith("legacy.p12") ? "" : "sealmail-test";
        DecryptionKey key = read(Reference.file(file), password).get(0);

        assertEquals(((java.security.interfaces.ECPrivateKey) read(Reference.file("ec-p256.key"), "").get(0).privateKey())
                .getS(), ((java.security.interfaces.ECPrivateKey) key.privateKey()).getS());
        if (file.endsWith(".p12")) {
            Reference.assertCertificateIs("ec-p256", key.certificate());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x25519", "x448"})
    void xdhKeysLoadFromPemAndPkcs12WithTheirCertificate(String name) throws Exception {
        DecryptionKey pem = read(Reference.file(name + ".key"), "").get(0);
        DecryptionKey p12 = read(Reference.file(name + "-modern.p12"), "sealmail-test").get(0);

        assertEquals(name.toUpperCase(java.util.Locale.ROOT), ((java.security.spec.NamedParameterSpec)
                ((java.security.interfaces.XECKey) pem.privateKey()).getParams()).getName());
        assertArrayEquals(pem.privateKey().getEncoded(), p12.privateKey().getEncoded());
        Reference.assertCertificateIs(name, p12.certificate());
    }

    @Test
    void anEcKeyIsPairedWithItsCertificateInTheSamePemFile() throws Exception {
        byte[] file = concat(Reference.file("ec-p384.pem"), Reference.file("ec-p256.pem"), Reference.file("ec-p256.key"));

        Reference.assertCertificateIs("ec-p256", read(file, "").get(0).certificate());
    }

    @Test
    void anEcKeyOnAnotherCurveIsRefusedNamingIt() {
        SmimeException e = refused(Reference.file("ec-secp256k1.key"), "");

        assertEquals(SmimeException.Reason.UNSUPPORTED, e.reason());
        assertEquals("EC private key on curve 1.3.132.0.10, which is not supported; P-256, P-384 or P-521"
                + " is required", e.getMessage());
    }

    @Test
    void aSec1KeyWithoutItsCurveIsRefusedWithAConversionHint() throws Exception {
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                org.sealmail.core.pem.PemReader.read(Reference.file("ec-p256-sec1.pem")).get(0).der());
        byte[] bare = new org.bouncycastle.asn1.sec.ECPrivateKey(256, sec1.getKey(), null).getEncoded();
        SmimeException e = refused(PemWriter.write("EC PRIVATE KEY", bare).getBytes(StandardCharsets.US_ASCII), "");

        assertEquals(SmimeException.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("does not name its curve"), e.getMessage());
    }

    @Test
    void ed25519KeyIsUnsupportedByName() {
        SmimeException e = refused(Reference.file("ed25519.key"), "");

        assertEquals(SmimeException.Reason.UNSUPPORTED, e.reason());
        assertEquals("Ed25519 private keys are not supported; only RSA, EC (P-256, P-384, P-521), X25519"
                + " and X448 keys can decrypt", e.getMessage());
    }

    @Test
    void fileWithoutAKeyIsRefused() {
        for (byte[] file : List.of(Reference.file("rsa2048.pem"), new byte[0], "\n\n".getBytes(StandardCharsets.US_ASCII))) {
            SmimeException e = refused(file, "");
            assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
            assertEquals("no private key found", e.getMessage());
        }
    }

    @Test
    void aDerCertificateIsNotTakenForAKey() {
        SmimeException e = refused(Reference.file("rsa2048.der"), "");
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("not a key file: DER that is neither PKCS#12 nor a PKCS#8 private key"
                + " (malformed ASN.1 at byte 4: expected tag 0x02, found 0x30)", e.getMessage());
    }

    @Test
    void somethingElseEntirelyIsRefused() {
        SmimeException e = refused("just some text\n".getBytes(StandardCharsets.US_ASCII), "");

        assertEquals("not a key file: expected a PKCS#12 file or PEM with a private key", e.getMessage());
    }

    @Test
    void textOutsideBlocksThatOpensslDidNotWriteIsStillRefused() {
        byte[] file = concat("hello\n".getBytes(StandardCharsets.US_ASCII), Reference.file("rsa2048.key"));

        assertEquals("line 1: text outside a PEM block", refused(file, "").getMessage());
    }

    @Test
    void damagedKeyNamesItsBlock() {
        byte[] file = concat(Reference.file("rsa2048.pem"),
                PemWriter.write("RSA PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})
                        .getBytes(StandardCharsets.US_ASCII));

        SmimeException e = refused(file, "");

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("block 2: malformed ASN.1 at byte 5: unexpected end of data", e.getMessage());
    }

    @Test
    void certificateWithBytesAfterItIsRefusedSoExportsStayExact() {
        byte[] padded = Arrays.copyOf(Reference.certificateDer("rsa2048"), Reference.certificateDer("rsa2048").length + 2);
        byte[] file = concat(Reference.file("rsa2048.key"),
                PemWriter.write("CERTIFICATE", padded).getBytes(StandardCharsets.US_ASCII));

        SmimeException e = refused(file, "");

        assertEquals("block 2: certificate is not a single DER-encoded certificate", e.getMessage());
    }

    @Test
    void decryptionThatYieldsNoKeyStructureCountsAsAWrongPassword() throws Exception {
        // What a wrong password gives now and then: padding that happens to check out, over garbage.
        char[] password = "sealmail-test".toCharArray();
        byte[] salt = new byte[8];
        byte[] iv = new byte[16];
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, 1000, 256)).getEncoded();
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] garbage = aes.doFinal("not a DER SEQUENCE".getBytes(StandardCharsets.US_ASCII));
        byte[] file = PemWriter.write("ENCRYPTED PRIVATE KEY", encryptedPrivateKeyInfo(salt, 1000, iv, garbage))
                .getBytes(StandardCharsets.US_ASCII);

        assertEquals("wrong password for the encrypted private key", refused(file, "sealmail-test").getMessage());
    }

    private static byte[] encryptedPrivateKeyInfo(byte[] salt, long iterations, byte[] iv, byte[] ciphertext) {
        return new DerWriter().addSequence(info -> info
                .addSequence(pbes2 -> pbes2
                        .addOid(KeyOids.PBES2)
                        .addSequence(params -> params
                                .addSequence(kdf -> kdf
                                        .addOid(KeyOids.PBKDF2)
                                        .addSequence(pbkdf2 -> pbkdf2
                                                .addOctetString(salt)
                                                .addInteger(iterations)
                                                .addSequence(prf -> prf.addOid(KeyOids.HMAC_SHA256).addNull())))
                                .addSequence(cipher -> cipher.addOid(Oids.AES256_CBC).addOctetString(iv))))
                .addOctetString(ciphertext)).toByteArray();
    }

    @Test
    void hugePbkdf2IterationCountIsRefusedQuickly() {
        byte[] encryptedKey = encryptedPrivateKeyInfo(new byte[8], Integer.MAX_VALUE, new byte[16], new byte[32]);
        byte[] file = PemWriter.write("ENCRYPTED PRIVATE KEY", encryptedKey).getBytes(StandardCharsets.US_ASCII);

        SmimeException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(file, "x"));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("block 1: PBKDF2 iteration count 2147483647 is above 2000000 (limit max-iterations)", e.getMessage());
    }
}
