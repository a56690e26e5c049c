package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/** RSA-OAEP key transport, both ways with OpenSSL 3.0. */
class OaepInteropTest {

    @TempDir
    static Path workDir;

    static Stream<Arguments> cipherAndRid() {
        List<Arguments> combinations = new ArrayList<>();
        for (String cipher : List.of(SealmailCli.AES128, SealmailCli.AES256)) {
            for (String rid : List.of("issuer-serial", "ski")) {
                combinations.add(Arguments.of(cipher, rid));
            }
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "openssl opens sealmail --oaep --cipher {0} --rid {1}")
    @MethodSource("cipherAndRid")
    void opensslOpensWhatSealmailWritesWithOaep(String cipher, String rid) {
        byte[] der = SealmailCli.encrypt(Payload.allByteValues(), List.of("--cert",
                TestKey.RSA2048.certificate().toString(), "--der", "--oaep", "--cipher", cipher, "--rid", rid));

        try (OpensslDecrypter openssl = new OpensslDecrypter(TestKey.RSA2048, workDir)) {
            assertArrayEquals(Payload.allByteValues(), openssl.decryptCms(der));
        }
    }

    @Test
    void opensslOpensAnOaepSmimeMessageAndEncryptWarnsAboutThunderbirdAndGpgsm() {
        byte[] message = TestData.read(TestData.message("sample.eml"));
        SealmailOutcome outcome = SealmailCli.run(message, List.of("encrypt", "--oaep",
                "--cert", TestKey.RSA2048.certificate().toString()));

        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals("sealmail encrypt: warning: RSA-OAEP: Thunderbird (NSS) and gpgsm (KMail, Kleopatra) cannot"
                + " open it; OpenSSL-based readers can\n", outcome.stderr());
        try (OpensslDecrypter openssl = new OpensslDecrypter(TestKey.RSA2048, workDir)) {
            assertEquals(ExpectedMessage.text(MimeText.parse(message).expectedInnerEntity()),
                    ExpectedMessage.text(openssl.decryptSmime(outcome.stdout())));
        }
    }

    @ParameterizedTest(name = "sealmail opens openssl RSA-OAEP with {0}")
    @ValueSource(strings = {"sha1", "sha256", "sha384", "sha512"})
    void sealmailOpensWhatOpensslWritesWithOaep(String digest) {
        byte[] der = OpensslEncrypter.encrypt(Payload.allByteValues(), OpensslForm.DER, "-aes256", List.of(),
                "-recip", TestKey.RSA2048.certificate().toString(),
                "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:" + digest);
        SealmailDecrypt sealmail = new SealmailDecrypt(workDir);

        assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, KeyFile.pkcs8Pem(TestKey.RSA2048)));
        assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, KeyFile.legacyPkcs12(TestKey.RSA2048)));
    }

    @Test
    void sealmailOpensOpensslOaepWithKeyIdAndMgfOtherThanTheHash() {
        byte[] der = OpensslEncrypter.encrypt(Payload.allByteValues(), OpensslForm.DER, "-aes128", List.of(),
                "-keyid", "-recip", TestKey.RSA2048.certificate().toString(), "-keyopt", "rsa_padding_mode:oaep",
                "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha1");

        assertArrayEquals(Payload.allByteValues(),
                new SealmailDecrypt(workDir).cms(der, KeyFile.pkcs8Pem(TestKey.RSA2048)));
    }

    @Test
    void inspectShowsTheOaepParameters() {
        byte[] der = SealmailCli.encrypt(Payload.allByteValues(), List.of("--cert",
                TestKey.RSA2048.certificate().toString(), "--der", "--oaep", "--rid", "ski"));

        String text = new String(SealmailCli.run(der, List.of("inspect")).requireSuccess(), StandardCharsets.UTF_8);

        assertTrue(text.contains("recipient 1: kind=ktri subject-key-id="), text);
        assertTrue(text.contains(" key-encryption=RSAES-OAEP oaep-hash=sha256 oaep-mgf=mgf1-sha256\n"), text);
        assertTrue(text.contains("version: 2\n"), text);
    }

    @Test
    void skiIsRefusedForACertificateWithoutOne() {
        SealmailOutcome outcome = SealmailCli.run(new byte[0], List.of("encrypt", "--der", "--rid", "ski",
                "--cert", TestData.pki("rsa2048-noski.pem").toString()));

        assertEquals(65, outcome.exitCode(), outcome.stderr());
        assertEquals("sealmail encrypt: certificate \"CN=Alice RSA 2048 without SKI\" has no subject key identifier;"
                + " name it by issuer and serial (--rid issuer-serial)\n", outcome.stderr());
    }

    @Test
    void anUnknownRidFormIsAUsageError() {
        SealmailOutcome outcome = SealmailCli.run(new byte[0], List.of("encrypt", "--der", "--rid", "name",
                "--cert", TestKey.RSA2048.certificate().toString()));

        assertEquals(64, outcome.exitCode(), outcome.stderr());
    }
}
