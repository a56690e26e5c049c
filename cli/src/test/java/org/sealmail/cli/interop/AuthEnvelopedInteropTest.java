package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/**
 * AuthEnvelopedData (AES-GCM) both ways with OpenSSL 3.0, what NSS and gpgsm make of it, and the
 * CLI's promise that no unverified plaintext is written. ChaCha20-Poly1305, which OpenSSL 3.0 has
 * not in CMS, goes both ways with Bouncy Castle in core's AuthEnvelopedDataTest.
 */
class AuthEnvelopedInteropTest {

    private static final TestKey EC_P256 = new TestKey("ec-p256");
    private static final TestKey EC_P384 = new TestKey("ec-p384");

    @TempDir
    static Path workDir;

    private static PeerKeyrings peers;

    private static synchronized PeerKeyrings peers() {
        if (peers == null) {
            peers = new PeerKeyrings(workDir.resolve("peers"));
        }
        return peers;
    }

    @AfterAll
    static void closePeers() {
        if (peers != null) {
            peers.close();
        }
    }

    static Stream<Arguments> gcmCiphersAndKeys() {
        List<Arguments> all = new ArrayList<>();
        for (String cipher : List.of("aes128-gcm", "aes256-gcm")) {
            for (TestKey key : List.of(TestKey.RSA2048, EC_P256, EC_P384)) {
                all.add(Arguments.of(cipher, key));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "openssl opens sealmail --cipher {0} to {1}")
    @MethodSource("gcmCiphersAndKeys")
    void opensslOpensWhatSealmailWrites(String cipher, TestKey key) {
        byte[] payload = Payload.allByteValues();
        byte[] der = SealmailCli.encryptDer(payload, cipher, key.certificate());
        byte[] fromPipe = SealmailCli.encrypt(payload, List.of("--der", "--cipher", cipher,
                "--cert", key.certificate().toString()));

        OpensslDecrypter openssl = peers().openssl(key);
        assertArrayEquals(payload, openssl.decryptCms(der));
        assertArrayEquals(payload, openssl.decryptCms(fromPipe));
    }

    @Test
    void opensslOpensAnAuthEnvelopedSmimeMessage() {
        byte[] message = TestData.read(TestData.message("sample.eml"));
        SealmailOutcome outcome = SealmailCli.run(message, List.of("encrypt", "--cipher", "aes256-gcm",
                "--cert", TestKey.RSA2048.certificate().toString()));

        assertEquals(0, outcome.exitCode(), outcome.stderr());
        String text = new String(outcome.stdout(), StandardCharsets.US_ASCII);
        assertTrue(text.contains("Content-Type: application/pkcs7-mime; name=\"smime.p7m\";"
                + " smime-type=authEnveloped-data\r\n"), text);
        assertEquals(ExpectedMessage.text(MimeText.parse(message).expectedInnerEntity()),
                ExpectedMessage.text(peers().openssl(TestKey.RSA2048).decryptSmime(outcome.stdout())));
    }

    static Stream<Arguments> opensslWrites() {
        List<Arguments> all = new ArrayList<>();
        for (String cipher : List.of("-aes-128-gcm", "-aes-192-gcm", "-aes-256-gcm")) {
            for (OpensslForm form : List.of(OpensslForm.DER, OpensslForm.DER_STREAM, OpensslForm.PEM)) {
                all.add(Arguments.of(cipher, form, TestKey.RSA2048, List.of()));
                all.add(Arguments.of(cipher, form, TestKey.RSA2048,
                        List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256")));
                all.add(Arguments.of(cipher, form, EC_P256, List.of()));
            }
        }
        all.add(Arguments.of("-aes-256-gcm", OpensslForm.DER, EC_P384, List.of("-keyid")));
        return all.stream();
    }

    @ParameterizedTest(name = "sealmail opens openssl {0} {1} to {2} {3}")
    @MethodSource("opensslWrites")
    void sealmailOpensWhatOpensslWrites(String cipher, OpensslForm form, TestKey key, List<String> keyOptions) {
        byte[] payload = Payload.allByteValues();
        List<String> options = new ArrayList<>(List.of("-recip", key.certificate().toString()));
        options.addAll(keyOptions);
        byte[] cms = OpensslEncrypter.encrypt(payload, form, cipher, List.of(), options.toArray(new String[0]));

        SealmailDecrypt sealmail = new SealmailDecrypt(workDir);
        assertArrayEquals(payload, sealmail.cms(cms, KeyFile.pkcs8Pem(key)));
        assertArrayEquals(payload, sealmail.cms(cms, KeyFile.legacyPkcs12(key)));
    }

    @Test
    void sealmailOpensAnOpensslAuthEnvelopedSmimeMessage() {
        byte[] message = TestData.read(TestData.message("sample.eml"));
        byte[] smime = OpensslEncrypter.encrypt(message, OpensslForm.SMIME_STREAM, "-aes-256-gcm",
                List.of(TestKey.RSA2048.certificate()));

        byte[] opened = new SealmailDecrypt(workDir).message(smime, KeyFile.pkcs8Pem(TestKey.RSA2048));
        assertEquals(ExpectedMessage.text(MimeText.parse(message).expectedInnerEntity()),
                ExpectedMessage.text(MimeText.parse(opened).expectedInnerEntity()));
    }

    /**
     * Measured, and why encrypt warns: NSS 3.87 does not know id-ct-authEnvelopedData
     * (SEC_ERROR_UNRECOGNIZED_OID), gpgsm 2.2.40 fails on the GCM parameters ("error getting IV:
     * Buffer too short") and knows no ChaCha20-Poly1305 ("unsupported algorithm"). Should one of
     * them learn it, this fails and the warning and the README table need updating.
     */
    @ParameterizedTest(name = "{0} cannot open AuthEnvelopedData")
    @ValueSource(strings = {"NSS", "GPGSM"})
    void thunderbirdsNssAndGpgsmCannotOpenIt(String peerName) {
        Peer peer = Peer.valueOf(peerName);
        Decrypter decrypter = peers().holding(peer, TestKey.RSA2048);
        for (String cipher : List.of("aes128-gcm", "aes256-gcm", "chacha20-poly1305")) {
            byte[] der = SealmailCli.encryptDer(Payload.allByteValues(), cipher, TestKey.RSA2048.certificate());
            assertThrows(AssertionError.class, () -> decrypter.decryptCms(der), peerName + " " + cipher);
        }
        byte[] opensslPkcs1 = OpensslEncrypter.encryptDer(Payload.allByteValues(), "-aes-256-gcm", TestKey.RSA2048);
        assertThrows(AssertionError.class, () -> decrypter.decryptCms(opensslPkcs1), peerName + " PKCS#1 v1.5");
    }

    @ParameterizedTest(name = "encrypt --cipher {0} warns")
    @ValueSource(strings = {"aes128-gcm", "aes256-gcm", "chacha20-poly1305"})
    void encryptAndAccountSetWarnAboutThunderbirdAndGpgsm(String cipher) throws IOException {
        SealmailOutcome outcome = SealmailCli.run(new byte[10], List.of("encrypt", "--der", "--cipher", cipher,
                "--cert", TestKey.RSA2048.certificate().toString()));
        String readers = cipher.startsWith("chacha")
                ? "Thunderbird (NSS), gpgsm (KMail, Kleopatra) and OpenSSL 3.0 cannot open it; Bouncy Castle-based"
                        + " readers can"
                : "Thunderbird (NSS) and gpgsm (KMail, Kleopatra) cannot open it; OpenSSL-based readers can";
        String warning = "warning: " + cipher + " (AuthEnvelopedData, RSA keys get RSA-OAEP): " + readers + "\n";
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals("sealmail encrypt: " + warning, outcome.stderr());

        Path store = Files.createTempDirectory(workDir, "store");
        SealmailOutcome set = SealmailCli.run(new byte[0], List.of("account", "set", "alice", "--cipher", cipher,
                "--cert", TestKey.RSA2048.certificate().toString(), "--store", store.toString()));
        assertEquals(0, set.exitCode(), set.stderr());
        assertEquals("sealmail account: " + warning, set.stderr());
        assertTrue(new String(set.stdout(), StandardCharsets.UTF_8).contains("cipher " + cipher), set.stderr());

        byte[] message = TestData.read(TestData.message("sample.eml"));
        byte[] stored = SealmailCli.encrypt(message, List.of("--account", "alice", "--store", store.toString()));
        assertTrue(new String(stored, StandardCharsets.US_ASCII).contains("smime-type=authEnveloped-data"));
        assertEquals(ExpectedMessage.text(MimeText.parse(message).expectedInnerEntity()), ExpectedMessage.text(
                MimeText.parse(new SealmailDecrypt(workDir).message(stored, KeyFile.pkcs8Pem(TestKey.RSA2048)))
                        .expectedInnerEntity()));
    }

    @Test
    void inspectShowsAuthEnvelopedDataWithTheCipherNonceAndTagLength() {
        byte[] der = SealmailCli.encryptDer(Payload.allByteValues(), "aes128-gcm", TestKey.RSA2048.certificate());
        String text = new String(SealmailCli.run(der, List.of("inspect")).requireSuccess(), StandardCharsets.UTF_8);

        assertTrue(text.contains("content-type: authEnvelopedData\nversion: 0\nencoding: DER\n"), text);
        assertTrue(text.contains(" key-encryption=RSAES-OAEP oaep-hash=sha256 oaep-mgf=mgf1-sha256\n"), text);
        assertTrue(text.contains("content-cipher: aes128-gcm\nnonce-length: 12\ntag-length: 16\nencrypted-size: "
                + Payload.allByteValues().length + "\n"), text);
        String json = new String(SealmailCli.run(der, List.of("inspect", "--json")).requireSuccess(),
                StandardCharsets.UTF_8);
        assertTrue(json.contains("\"tag-length\":16"), json);
    }
}
