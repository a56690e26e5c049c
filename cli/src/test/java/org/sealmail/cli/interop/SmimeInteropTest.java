package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/**
 * {@code sealmail encrypt} of a whole message: the envelope holds exactly the inner entity
 * (Content-* fields, empty line, body, in CRLF form). OpenSSL parses the S/MIME message
 * itself; NSS and gpgsm get the DER taken out of its base64 body.
 */
class SmimeInteropTest {

    static final List<String> MESSAGES = List.of("sample.eml", "multipart.eml", "lf-only.eml");

    @TempDir
    static Path workDir;
    private static PeerKeyrings peers;

    @BeforeAll
    static void setUp() {
        peers = new PeerKeyrings(workDir);
    }

    @AfterAll
    static void tearDown() {
        peers.close();
    }

    static Stream<Arguments> peerAndMessage() {
        return Stream.of(Peer.values()).flatMap(peer ->
                MESSAGES.stream().map(message -> Arguments.of(peer, message)));
    }

    @ParameterizedTest(name = "{0} decrypts the S/MIME form of {1} to its inner entity")
    @MethodSource("peerAndMessage")
    void peerDecryptsToTheInnerEntity(Peer peer, String messageName) {
        Decrypter decrypter = peers.holding(peer, TestKey.RSA2048);
        byte[] message = TestData.read(TestData.message(messageName));

        byte[] smime = SealmailCli.encryptSmime(message, TestKey.RSA2048.certificate());

        byte[] decrypted = peer == Peer.OPENSSL
                ? ((OpensslDecrypter) decrypter).decryptSmime(smime)
                : decrypter.decryptCms(SmimeEnvelope.contentInfo(smime));
        assertEquals(text(MimeText.parse(message).expectedInnerEntity()), text(decrypted));
    }

    @ParameterizedTest(name = "{0}: every non-Content field stays outside, unchanged and in order")
    @ValueSource(strings = {"sample.eml", "multipart.eml", "lf-only.eml"})
    void outerHeaderKeepsTheOtherFields(String messageName) {
        MimeText input = MimeText.parse(TestData.read(TestData.message(messageName)));

        MimeText output = MimeText.parse(
                SealmailCli.encryptSmime(TestData.read(TestData.message(messageName)),
                        TestKey.RSA2048.certificate()));

        List<String> outside = output.fields().stream()
                .filter(field -> input.otherFields().contains(field)).toList();
        assertEquals(input.otherFields(), outside);
        String type = output.field("Content-Type").toLowerCase(Locale.ROOT);
        assertTrue(type.contains("application/pkcs7-mime") && type.contains("enveloped-data"), type);
    }

    @ParameterizedTest(name = "{0}: output lines end in CRLF, base64 lines at most 76 characters")
    @ValueSource(strings = {"sample.eml", "lf-only.eml"})
    void outputIsCrlfWithShortBase64Lines(String messageName) {
        byte[] smime = SealmailCli.encryptSmime(TestData.read(TestData.message(messageName)),
                TestKey.RSA2048.certificate());

        assertArrayEquals(MimeText.toCrlf(smime), smime, "a bare LF in the output");
        String body = new String(MimeText.parse(smime).body(), StandardCharsets.US_ASCII);
        for (String line : body.split("\r\n")) {
            assertTrue(line.length() <= 76, "base64 line of " + line.length() + " characters");
        }
        assertFalse(body.isBlank(), "empty S/MIME body");
    }

    /** Compared as text so a failure shows where the entities differ. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
