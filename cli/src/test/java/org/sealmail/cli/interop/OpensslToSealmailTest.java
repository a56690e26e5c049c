package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.core.testing.TestData;

/**
 * What {@code openssl cms -encrypt} writes, in every output form and with every content cipher
 * it offers for S/MIME, {@code sealmail decrypt} opens with every form of the recipient's key:
 * the DER/BER/PEM content byte for byte, the S/MIME message as openssl's outer header plus the
 * input. Each (form, cipher, key size) is encrypted once per class.
 */
class OpensslToSealmailTest {

    static final List<TestKey> RSA_KEYS = DerInteropTest.RSA_KEYS;
    /** 3DES: sealmail only decrypts it, for old archives. */
    static final List<String> CIPHERS = List.of("-aes128", "-aes192", "-aes256", "-des3");
    static final Path MESSAGE = TestData.message("sample.eml");

    @TempDir
    static Path workDir;
    private static SealmailDecrypt sealmail;
    private static final Map<String, byte[]> ENCRYPTED = new ConcurrentHashMap<>();

    @BeforeAll
    static void setUp() {
        sealmail = new SealmailDecrypt(workDir);
    }

    static Stream<Arguments> formCipherKeyFile() {
        return Stream.of(OpensslForm.values()).flatMap(form -> CIPHERS.stream().flatMap(cipher ->
                RSA_KEYS.stream().flatMap(key -> KeyFile.allForms(key).stream().map(keyFile ->
                        Arguments.of(form, cipher, key, keyFile)))));
    }

    @ParameterizedTest(name = "openssl {0} {1} for {2}, opened with {3}")
    @MethodSource("formCipherKeyFile")
    void sealmailGivesBackWhatOpensslEncrypted(OpensslForm form, String cipher, TestKey key, KeyFile keyFile) {
        byte[] encrypted = encryptedOnce(form, cipher, key);

        if (form.isSmime()) {
            byte[] message = TestData.read(MESSAGE);
            byte[] decrypted = sealmail.message(encrypted, keyFile);
            assertEquals(ExpectedMessage.text(ExpectedMessage.fromOpensslSmime(message)),
                    ExpectedMessage.text(decrypted));
            assertTrue(ExpectedMessage.text(decrypted).endsWith(ExpectedMessage.text(message)),
                    "the input message is not intact at the end of the output");
        } else {
            assertArrayEquals(Payload.allByteValues(), sealmail.cms(encrypted, keyFile));
        }
    }

    private static byte[] encryptedOnce(OpensslForm form, String cipher, TestKey key) {
        return ENCRYPTED.computeIfAbsent(form.name() + cipher + key.name(), id -> OpensslEncrypter.encrypt(
                form.isSmime() ? TestData.read(MESSAGE) : Payload.allByteValues(),
                form, cipher, List.of(key.certificate())));
    }
}
