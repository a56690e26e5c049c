package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.keys.KeyFiles;
import org.sealmail.core.testing.TestData;

/**
 * Key agreement recipients: EC P-256/384/521 both ways with OpenSSL 3.0, X25519/X448 both ways
 * with Bouncy Castle (OpenSSL 3.0 has no X25519/X448 in CMS), and the errors a user sees.
 */
class KeyAgreementInteropTest {

    static final List<TestKey> EC_KEYS = List.of(new TestKey("ec-p256"), new TestKey("ec-p384"), new TestKey("ec-p521"));
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @TempDir
    static Path workDir;

    static Stream<Arguments> curveCipherAndRid() {
        List<Arguments> combinations = new ArrayList<>();
        for (TestKey key : EC_KEYS) {
            for (String cipher : List.of(SealmailCli.AES128, SealmailCli.AES256)) {
                for (String rid : List.of("issuer-serial", "ski")) {
                    combinations.add(Arguments.of(key, cipher, rid));
                }
            }
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "openssl opens sealmail to {0} with {1}, --rid {2}")
    @MethodSource("curveCipherAndRid")
    void opensslOpensWhatSealmailWritesForEcKeys(TestKey key, String cipher, String rid) {
        byte[] der = SealmailCli.encrypt(Payload.allByteValues(), List.of("--cert", key.certificate().toString(),
                "--der", "--cipher", cipher, "--rid", rid));

        try (OpensslDecrypter openssl = new OpensslDecrypter(key, workDir)) {
            assertArrayEquals(Payload.allByteValues(), openssl.decryptCms(der));
        }
    }

    static Stream<Arguments> curveAndKdf() {
        List<Arguments> combinations = new ArrayList<>();
        for (TestKey key : EC_KEYS) {
            for (String kdf : List.of("default", "sha256", "sha384", "sha512")) {
                combinations.add(Arguments.of(key, kdf));
            }
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "sealmail opens openssl to {0}, KDF digest {1}")
    @MethodSource("curveAndKdf")
    void sealmailOpensWhatOpensslWritesForEcKeys(TestKey key, String kdf) {
        List<String> options = new ArrayList<>(List.of("-recip", key.certificate().toString()));
        if (!kdf.equals("default")) {
            options.addAll(List.of("-keyopt", "ecdh_kdf_md:" + kdf));
        }
        byte[] der = OpensslEncrypter.encrypt(Payload.allByteValues(), OpensslForm.DER, "-aes256", List.of(),
                options.toArray(new String[0]));
        SealmailDecrypt sealmail = new SealmailDecrypt(workDir);

        for (KeyFile keyFile : KeyFile.basicForms(key)) {
            assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, keyFile), keyFile.label());
        }
    }

    @Test
    void sealmailOpensOpensslSmimeWithKeyIdForAnEcKey() {
        TestKey key = EC_KEYS.get(0);
        byte[] der = OpensslEncrypter.encrypt(Payload.allByteValues(), OpensslForm.DER_STREAM, "-aes128", List.of(),
                "-keyid", "-recip", key.certificate().toString());

        assertArrayEquals(Payload.allByteValues(), new SealmailDecrypt(workDir).cms(der, KeyFile.legacyPkcs12(key)));
    }

    @Test
    void everyEcKeyFormOpensTheSameMessage() {
        byte[] der = SealmailCli.encryptDer(Payload.allByteValues(), SealmailCli.AES256, EC_KEYS.get(0).certificate());
        SealmailDecrypt sealmail = new SealmailDecrypt(workDir);

        for (String file : List.of("ec-p256-sec1.pem", "ec-p256-encrypted.pem", "ec-p256-modern.p12")) {
            KeyFile key = new KeyFile(file, TestData.pki(file), !file.endsWith("sec1.pem"));
            assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, key), file);
        }
    }

    @ParameterizedTest(name = "Bouncy Castle opens sealmail to {0}")
    @ValueSource(strings = {"x25519", "x448", "ec-p256", "ec-p384"})
    void bouncyCastleOpensWhatSealmailWrites(String name) throws Exception {
        byte[] der = SealmailCli.encrypt(Payload.allByteValues(), List.of("--der", "--cipher", SealmailCli.AES128,
                "--cert", TestData.pki(name + ".pem").toString()));

        BouncyCastleReferenceTest.assertStrictDer(der);
        CMSEnvelopedData enveloped = new CMSEnvelopedData(der);
        RecipientInformation recipient = enveloped.getRecipientInfos().getRecipients().iterator().next();
        byte[] content = recipient.getContent(new JceKeyAgreeEnvelopedRecipient(bcKey(name)).setProvider(BC));

        assertArrayEquals(Payload.allByteValues(), content);
    }

    static Stream<Arguments> bouncyCastleSchemes() {
        return Stream.of(
                Arguments.of("x25519", CMSAlgorithm.ECDH_HKDF_SHA256, CMSAlgorithm.AES128_WRAP, CMSAlgorithm.AES128_CBC),
                Arguments.of("x25519", CMSAlgorithm.ECDH_HKDF_SHA512, CMSAlgorithm.AES256_WRAP, CMSAlgorithm.AES256_CBC),
                Arguments.of("x448", CMSAlgorithm.ECDH_HKDF_SHA512, CMSAlgorithm.AES256_WRAP, CMSAlgorithm.AES256_CBC),
                Arguments.of("x448", CMSAlgorithm.ECDH_HKDF_SHA384, CMSAlgorithm.AES128_WRAP, CMSAlgorithm.AES128_CBC),
                Arguments.of("ec-p256", CMSAlgorithm.ECDH_SHA256KDF, CMSAlgorithm.AES128_WRAP, CMSAlgorithm.AES128_CBC),
                Arguments.of("ec-p521", CMSAlgorithm.ECDH_SHA512KDF, CMSAlgorithm.AES256_WRAP, CMSAlgorithm.AES256_CBC));
    }

    @ParameterizedTest(name = "sealmail opens Bouncy Castle to {0} with {1}")
    @MethodSource("bouncyCastleSchemes")
    void sealmailOpensWhatBouncyCastleWrites(String name, ASN1ObjectIdentifier scheme, ASN1ObjectIdentifier wrap,
            ASN1ObjectIdentifier cipher) throws Exception {
        X509Certificate certificate = certificate(name);
        KeyPairGenerator generator = KeyPairGenerator.getInstance(name.startsWith("ec") ? "EC" : name.toUpperCase(), BC);
        if (name.startsWith("ec")) {
            generator.initialize(((java.security.interfaces.ECPublicKey) certificate.getPublicKey()).getParams());
        }
        KeyPair sender = generator.generateKeyPair();
        CMSEnvelopedDataGenerator envelope = new CMSEnvelopedDataGenerator();
        envelope.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(scheme, sender.getPrivate(),
                sender.getPublic(), wrap).addRecipient(certificate).setProvider(BC));
        byte[] der = envelope.generate(new CMSProcessableByteArray(Payload.allByteValues()),
                new JceCMSContentEncryptorBuilder(cipher).setProvider(BC).build()).getEncoded();
        SealmailDecrypt sealmail = new SealmailDecrypt(workDir);

        KeyFile pem = new KeyFile(name + ".key", TestData.pki(name + ".key"), false);
        assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, pem));
        KeyFile p12 = new KeyFile(name + "-modern.p12", TestData.pki(name + "-modern.p12"), true);
        assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, p12));
    }

    @Test
    void x25519EncryptWarnsThatOnlyBouncyCastleReadersOpenIt() {
        SealmailOutcome outcome = SealmailCli.run(new byte[] {1}, List.of("encrypt", "--der",
                "--cert", TestData.pki("x25519.pem").toString()));

        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals("sealmail encrypt: warning: certificate \"emailAddress=dave-x25519@example.org,CN=Dave X25519\""
                + " has an X25519 key: Thunderbird (NSS), gpgsm (KMail, Kleopatra) and OpenSSL 3.0 cannot open it;"
                + " Bouncy Castle-based readers can\n", outcome.stderr());
    }

    @Test
    void accountSetWithAnEcCertificateWarnsAboutThunderbirdAndGpgsm() throws Exception {
        Path store = Files.createTempDirectory(workDir, "store");
        SealmailOutcome outcome = SealmailCli.run(new byte[0], List.of("account", "set", "carol@example.org",
                "--cert", EC_KEYS.get(0).certificate().toString(), "--store", store.resolve("s").toString()));

        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().contains("sealmail account: warning: certificate"
                + " \"emailAddress=carol-ec-p256@example.org,CN=Carol EC P-256\" has an EC P-256 key: Thunderbird (NSS)"
                + " and gpgsm (KMail, Kleopatra) cannot open it; OpenSSL-based readers can\n"), outcome.stderr());
    }

    @Test
    void inspectShowsCurveKdfAndWrap() {
        byte[] der = SealmailCli.encrypt(Payload.allByteValues(), List.of("--der", "--cipher", SealmailCli.AES128,
                "--rid", "ski", "--cert", EC_KEYS.get(1).certificate().toString()));

        String json = new String(SealmailCli.run(der, List.of("inspect", "--json")).requireSuccess(),
                StandardCharsets.UTF_8);

        assertTrue(json.contains("\"kind\":\"kari\",\"subject-key-id\":"), json);
        assertTrue(json.contains("\"key-encryption\":\"dhSinglePass-stdDH-sha384kdf-scheme\",\"curve\":\"P-384\","
                + "\"kdf\":\"x963-sha384\",\"key-wrap\":\"aes128-wrap\""), json);
    }

    @Test
    void anotherEcKeyDoesNotOpenAndTheRecipientIsNamed() {
        byte[] der = SealmailCli.encryptDer(Payload.allByteValues(), SealmailCli.AES256, EC_KEYS.get(0).certificate());

        SealmailOutcome outcome = SealmailCli.run(der, List.of("decrypt", "--der", "--key",
                EC_KEYS.get(2).legacyPkcs12().toString()));

        assertEquals(65, outcome.exitCode(), outcome.stderr());
        assertEquals("sealmail decrypt: none of the keys given opens this message; it is encrypted to:"
                + " issuer \"CN=sealmail Test CA\" serial 2001\n", outcome.stderr());
    }

    @Test
    void aCorruptedWrappedKeyGivesTheSameErrorAsAnyFailedDecryption() {
        byte[] der = SealmailCli.encryptDer(Payload.allByteValues(), SealmailCli.AES256, EC_KEYS.get(0).certificate());
        // The wrapped key is the last OCTET STRING of the recipient info: 40 bytes before the content info.
        int wrapped = indexOfWrappedKey(der);
        der[wrapped] ^= 1;

        SealmailOutcome outcome = SealmailCli.run(der, List.of("decrypt", "--der", "--key",
                EC_KEYS.get(0).legacyPkcs12().toString()));

        assertEquals(65, outcome.exitCode(), outcome.stderr());
        assertEquals("sealmail decrypt: cannot decrypt: the key for this message's recipient does not open it,"
                + " or the message is damaged\n", outcome.stderr());
    }

    @Test
    void aCertificateOnAnotherCurveIsRefusedNamingTheCurve() {
        SealmailOutcome outcome = SealmailCli.run(new byte[] {1}, List.of("encrypt", "--der",
                "--cert", TestData.pki("ec-secp256k1.pem").toString()));

        assertEquals(65, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().endsWith("certificate 1 of 1 (CN=EC secp256k1): EC key on curve secp256k1"
                + " (1.3.132.0.10), which is not supported; P-256, P-384 or P-521 is required\n"), outcome.stderr());
    }

    /** The first byte of the 40-byte AES-wrapped 256-bit key: OCTET STRING, length 40. */
    private static int indexOfWrappedKey(byte[] der) {
        for (int i = 0; i + 2 < der.length; i++) {
            if (der[i] == 0x04 && der[i + 1] == 40) {
                return i + 2;
            }
        }
        throw new AssertionError("no wrapped key found");
    }

    private static X509Certificate certificate(String name) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(TestData.pki(name + ".pem"))));
    }

    /** The private key of testdata NAME.key as a Bouncy Castle key. */
    private static PrivateKey bcKey(String name) throws Exception {
        PrivateKey jdk = KeyFiles.read(Files.readAllBytes(TestData.pki(name + ".key")), new char[0]).get(0).privateKey();
        String algorithm = name.startsWith("ec") ? "EC" : name.toUpperCase();
        return KeyFactory.getInstance(algorithm, BC).generatePrivate(new PKCS8EncodedKeySpec(jdk.getEncoded()));
    }
}
