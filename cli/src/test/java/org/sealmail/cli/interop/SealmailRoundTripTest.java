package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/**
 * {@code sealmail encrypt} then {@code sealmail decrypt}, both through the command line: every
 * cipher, key size and recipient set, opened with every key that should open it, gives back the
 * input; a message comes back with its Content-* fields after the others, MIME-Version added if
 * it had none, in CRLF form.
 */
class SealmailRoundTripTest {

    static final List<TestKey> RSA_KEYS = DerInteropTest.RSA_KEYS;
    static final List<String> CIPHERS = DerInteropTest.CIPHERS;
    static final Path BUNDLE = BundleInteropTest.BUNDLE;
    static final Path SAMPLE = TestData.message("sample.eml");

    @TempDir
    static Path workDir;
    private static SealmailDecrypt sealmail;
    private static final Map<String, byte[]> ENCRYPTED = new ConcurrentHashMap<>();

    @BeforeAll
    static void setUp() {
        sealmail = new SealmailDecrypt(workDir);
    }

    /** rsaN alone, or rsaN and the three members of bundle-of-3.pem; every key that opens it. */
    record Recipients(TestKey key, boolean withBundle) {

        List<String> certOptions() {
            List<String> options = new ArrayList<>(List.of("--cert", key.certificate().toString()));
            if (withBundle) {
                options.addAll(List.of("--cert", BUNDLE.toString()));
            }
            return options;
        }

        Stream<KeyFile> keyFiles() {
            Stream<TestKey> holders = withBundle
                    ? Stream.concat(Stream.of(key), BundleInteropTest.MEMBERS.stream()) : Stream.of(key);
            return holders.flatMap(holder -> KeyFile.basicForms(holder).stream());
        }

        @Override
        public String toString() {
            return withBundle ? key + " and bundle-of-3.pem" : key.name();
        }
    }

    static Stream<Arguments> cipherRecipientsKeyFile() {
        return CIPHERS.stream().flatMap(cipher -> RSA_KEYS.stream()
                .flatMap(key -> Stream.of(new Recipients(key, false), new Recipients(key, true)))
                .flatMap(recipients -> recipients.keyFiles().map(file -> Arguments.of(cipher, recipients, file))));
    }

    @ParameterizedTest(name = "S/MIME of sample.eml, {0}, to {1}, opened with {2}: byte for byte")
    @MethodSource("cipherRecipientsKeyFile")
    void sampleMessageComesBackByteForByte(String cipher, Recipients recipients, KeyFile keyFile) {
        byte[] smime = encryptedOnce(false, cipher, recipients);

        assertEquals(ExpectedMessage.text(TestData.read(SAMPLE)),
                ExpectedMessage.text(sealmail.message(smime, keyFile)));
    }

    @ParameterizedTest(name = "--der, {0}, to {1}, opened with {2}: byte for byte")
    @MethodSource("cipherRecipientsKeyFile")
    void derContentComesBackByteForByte(String cipher, Recipients recipients, KeyFile keyFile) {
        byte[] der = encryptedOnce(true, cipher, recipients);

        assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, keyFile));
    }

    @ParameterizedTest(name = "{0} comes back as its fields rearranged, in CRLF form")
    @ValueSource(strings = {"sample.eml", "lf-only.eml", "multipart.eml", "signed.eml"})
    void messageComesBackRearrangedInCrlfForm(String messageName) {
        byte[] message = TestData.read(TestData.message(messageName));

        byte[] decrypted = roundTrip(message);

        assertEquals(ExpectedMessage.text(ExpectedMessage.afterRoundTrip(message)), ExpectedMessage.text(decrypted));
    }

    @Test
    void sampleNeedsNoRearrangingSoTheExpectationIsTheInputItself() {
        byte[] sample = TestData.read(SAMPLE);

        assertArrayEquals(sample, ExpectedMessage.afterRoundTrip(sample));
    }

    @Test
    void lfOnlyMessageComesBackInCrlfFormWithMimeVersionBeforeItsContentType() {
        byte[] decrypted = roundTrip(TestData.read(TestData.message("lf-only.eml")));

        assertEquals("""
                From: Bob <bob@example.net>\r
                To: Alice <alice2048@example.org>\r
                Subject: bare LF\r
                MIME-Version: 1.0\r
                Content-Type: text/plain\r
                \r
                line one\r
                line two\r
                """, ExpectedMessage.text(decrypted));
    }

    @Test
    void contentFieldsMoveAfterTheOthersAndFoldedFieldsKeepTheirLines() {
        String message = """
                Content-Type: text/plain;\r
                 charset=us-ascii\r
                Subject: fields in odd order\r
                Content-Transfer-Encoding: 7bit\r
                From: Bob <bob@example.net>\r
                X-Folded: first line\r
                \tsecond line\r
                Content-ID: <part1@example.net>\r
                \r
                body\r
                """;

        byte[] decrypted = roundTrip(message.getBytes(StandardCharsets.US_ASCII));

        assertEquals("""
                Subject: fields in odd order\r
                From: Bob <bob@example.net>\r
                X-Folded: first line\r
                \tsecond line\r
                MIME-Version: 1.0\r
                Content-Type: text/plain;\r
                 charset=us-ascii\r
                Content-Transfer-Encoding: 7bit\r
                Content-ID: <part1@example.net>\r
                \r
                body\r
                """, ExpectedMessage.text(decrypted));
    }

    private static byte[] roundTrip(byte[] message) {
        byte[] smime = SealmailCli.encryptSmime(message, TestKey.RSA2048.certificate());
        return sealmail.message(smime, KeyFile.legacyPkcs12(TestKey.RSA2048));
    }

    private static byte[] encryptedOnce(boolean der, String cipher, Recipients recipients) {
        return ENCRYPTED.computeIfAbsent(der + cipher + recipients, id -> {
            List<String> options = new ArrayList<>(recipients.certOptions());
            options.addAll(List.of("--cipher", cipher));
            if (der) {
                options.add("--der");
                return SealmailCli.encrypt(Payload.allByteValues(), options);
            }
            return SealmailCli.encrypt(TestData.read(SAMPLE), options);
        });
    }
}
