package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/**
 * The message {@code sealmail decrypt} rebuilds from openssl's S/MIME output: the outer fields
 * openssl wrote (other than its Content-* fields), in CRLF form, then exactly the entity
 * {@code openssl cms -decrypt} itself gives for the same file.
 */
class OpensslSmimeLayoutTest {

    private static final KeyFile KEY = KeyFile.pkcs8Pem(TestKey.RSA2048);

    @TempDir
    static Path workDir;
    private static PeerKeyrings peers;
    private static SealmailDecrypt sealmail;

    @BeforeAll
    static void setUp() {
        peers = new PeerKeyrings(workDir.resolve("peers"));
        sealmail = new SealmailDecrypt(workDir);
    }

    @AfterAll
    static void tearDown() {
        peers.close();
    }

    @ParameterizedTest(name = "{0}: MIME-Version, then what openssl cms -decrypt gives, which is the input in CRLF form")
    @ValueSource(strings = {"sample.eml", "lf-only.eml", "multipart.eml", "signed.eml"})
    void outerMimeVersionThenOpensslsOwnPlaintext(String messageName) {
        byte[] message = TestData.read(TestData.message(messageName));
        byte[] smime = OpensslEncrypter.encrypt(message, OpensslForm.SMIME, "-aes256",
                List.of(TestKey.RSA2048.certificate()));

        byte[] byOpenssl = peers.openssl(TestKey.RSA2048).decryptSmime(smime);
        byte[] bySealmail = sealmail.message(smime, KEY);

        assertEquals(ExpectedMessage.text(MimeText.toCrlf(message)), ExpectedMessage.text(byOpenssl),
                "openssl's own decryption is not the input in CRLF form: the expectation below is wrong");
        assertEquals(ExpectedMessage.MIME_VERSION + ExpectedMessage.text(byOpenssl),
                ExpectedMessage.text(bySealmail));
    }

    @Test
    void fieldsOpensslWroteOutsideComeFirstInTheirOrder() {
        byte[] message = TestData.read(TestData.message("sample.eml"));
        byte[] smime = OpensslEncrypter.encrypt(message, OpensslForm.SMIME, "-aes128",
                List.of(TestKey.RSA2048.certificate()),
                "-to", "Alice <alice2048@example.org>", "-from", "Bob <bob@example.net>",
                "-subject", "numbers");

        byte[] decrypted = sealmail.message(smime, KEY);

        assertEquals(ExpectedMessage.text(ExpectedMessage.fromOpensslSmime(message,
                        "To: Alice <alice2048@example.org>", "From: Bob <bob@example.net>", "Subject: numbers")),
                ExpectedMessage.text(decrypted));
    }
}
