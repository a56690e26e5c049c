package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.core.testing.TestData;

/**
 * How sealmail finds its recipient info in what openssl wrote: one of three recipients (each
 * key alone, all keys together, a key that does not fit given first), and a recipient named by
 * subject key identifier ({@code -keyid}) instead of issuer and serial number.
 */
class OpensslRecipientsTest {

    static final List<TestKey> MEMBERS = BundleInteropTest.MEMBERS;
    static final List<Path> MEMBER_CERTIFICATES = MEMBERS.stream().map(TestKey::certificate).toList();

    @TempDir
    static Path workDir;
    private static SealmailDecrypt sealmail;
    private static byte[] message;
    private static byte[] smimeToThree;
    private static byte[] berToThree;

    @BeforeAll
    static void encryptOnce() {
        sealmail = new SealmailDecrypt(workDir);
        message = TestData.read(TestData.message("multipart.eml"));
        smimeToThree = OpensslEncrypter.encrypt(message, OpensslForm.SMIME, "-aes256", MEMBER_CERTIFICATES);
        berToThree = OpensslEncrypter.encrypt(Payload.allByteValues(), OpensslForm.DER_STREAM, "-aes128",
                MEMBER_CERTIFICATES);
    }

    /** Each member's key alone, in both forms; all three together; a stranger's key before the right one. */
    static Stream<Arguments> keySets() {
        Stream<Arguments> alone = MEMBERS.stream().flatMap(member -> KeyFile.basicForms(member).stream()
                .map(key -> Arguments.of(key.label() + " alone", List.of(key))));
        Stream<Arguments> together = Stream.of(
                Arguments.of("the three PKCS#12 files together",
                        MEMBERS.stream().map(KeyFile::legacyPkcs12).toList()),
                Arguments.of("the three PEM keys together, last member first",
                        List.of(KeyFile.pkcs8Pem(MEMBERS.get(2)), KeyFile.pkcs8Pem(MEMBERS.get(1)),
                                KeyFile.pkcs8Pem(MEMBERS.get(0)))),
                Arguments.of("rsa2048.key, then bundle3.key",
                        List.of(KeyFile.pkcs8Pem(TestKey.RSA2048), KeyFile.pkcs8Pem(MEMBERS.get(2)))),
                Arguments.of("rsa2048-legacy.p12, then bundle2-legacy.p12",
                        List.of(KeyFile.legacyPkcs12(TestKey.RSA2048), KeyFile.legacyPkcs12(MEMBERS.get(1)))));
        return Stream.concat(alone, together);
    }

    @ParameterizedTest(name = "S/MIME for three recipients opened with {0}")
    @MethodSource("keySets")
    void threeRecipientMessageOpens(String description, List<KeyFile> keys) {
        byte[] decrypted = sealmail.message(smimeToThree, keys.toArray(new KeyFile[0]));

        assertEquals(ExpectedMessage.text(ExpectedMessage.fromOpensslSmime(message)),
                ExpectedMessage.text(decrypted));
    }

    @ParameterizedTest(name = "BER for three recipients opened with {0}")
    @MethodSource("keySets")
    void threeRecipientBerOpens(String description, List<KeyFile> keys) {
        assertArrayEquals(Payload.allByteValues(), sealmail.cms(berToThree, keys.toArray(new KeyFile[0])));
    }

    static Stream<KeyFile> rsa2048KeyFiles() {
        return KeyFile.allForms(TestKey.RSA2048).stream();
    }

    @ParameterizedTest(name = "openssl -keyid (subject key identifier) opened with {0}")
    @MethodSource("rsa2048KeyFiles")
    void recipientNamedBySubjectKeyIdentifierOpens(KeyFile key) {
        byte[] der = OpensslEncrypter.encrypt(Payload.allByteValues(), OpensslForm.DER, "-aes256",
                List.of(TestKey.RSA2048.certificate()), "-keyid");

        assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, key));
    }
}
