package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.mime.Mail.bytes;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/** Messages that are already S/MIME or PGP are copied unchanged; look-alikes are encrypted. */
class PassThroughTest {

    private static final String FROM = "From: Bob <bob@example.net>\r\nSubject: s\r\n";

    static Stream<Arguments> alreadyProtected() {
        return Stream.of(
                Arguments.of("PGP/MIME", FROM
                        + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n\r\n--b--\r\n"),
                Arguments.of("S/MIME enveloped", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n\r\nMIAG\r\n"),
                Arguments.of("legacy x-pkcs7-mime", FROM + "Content-Type: application/x-pkcs7-mime\r\n\r\nMIAG\r\n"),
                Arguments.of("detached signature alone", FROM + "Content-Type: application/pkcs7-signature\r\n\r\nMIAG\r\n"),
                Arguments.of("legacy x-pkcs7-signature", FROM + "Content-Type: application/x-pkcs7-signature\r\n\r\nMIAG\r\n"),
                Arguments.of("upper case type", FROM + "CONTENT-TYPE: Application/PKCS7-MIME\r\n\r\nMIAG\r\n"),
                Arguments.of("type on a continuation line", FROM
                        + "Content-Type:\r\n application/pkcs7-mime;\r\n\tsmime-type=enveloped-data\r\n\r\nMIAG\r\n"),
                Arguments.of("comment before the type", FROM + "Content-Type: (S/MIME) application/pkcs7-mime\r\n\r\nMIAG\r\n"),
                Arguments.of("octet-stream, quoted name in mixed case", FROM
                        + "Content-Type: application/octet-stream; name=\"smime.P7M\"\r\n\r\nMIAG\r\n"),
                Arguments.of("octet-stream, name on a continuation line", FROM
                        + "Content-Type: application/octet-stream;\r\n name=\"smime.p7m\"\r\n\r\nMIAG\r\n"),
                Arguments.of("octet-stream, .p7s filename in Content-Disposition", FROM
                        + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment;\r\n filename=mail.p7s\r\n\r\nMIAG\r\n"),
                Arguments.of("octet-stream, RFC 2231 name*", FROM
                        + "Content-Type: application/octet-stream; name*=utf-8''smime%2Ep7c\r\n\r\nMIAG\r\n"),
                Arguments.of("octet-stream, RFC 2231 continued filename", FROM
                        + "Content-Type: application/octet-stream\r\n"
                        + "Content-Disposition: attachment; filename*0=\"sm\";\r\n filename*1=\"ime.p7z\"\r\n\r\nMIAG\r\n"),
                Arguments.of("inline PGP in text/plain", FROM
                        + "Content-Type: text/plain; charset=us-ascii\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n\r\nhQEM\r\n-----END PGP MESSAGE-----\r\n"),
                Arguments.of("inline PGP after blank lines and spaces", FROM
                        + "Content-Type: text/plain\r\n\r\n\r\n  \t\r\n\n   -----BEGIN PGP MESSAGE-----\r\nhQEM\r\n"),
                Arguments.of("inline PGP with no Content-Type", FROM + "\r\n-----BEGIN PGP MESSAGE-----\r\nhQEM\r\n"),
                Arguments.of("inline PGP in text/html", FROM + "Content-Type: text/html\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n"),
                Arguments.of("bare LF message keeps its bare LFs", "Subject: s\nContent-Type: text/plain\n\n-----BEGIN PGP MESSAGE-----\nhQEM\n"),
                Arguments.of("odd bytes kept", "Subject: s\r\nX-Odd: a\rb\n folded\r\nContent-Type: application/pkcs7-mime\n\r\n\u00ff\u0000\r"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alreadyProtected")
    void alreadyProtectedMessagePassesThroughByteForByte(String name, String message) throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes(message));

        assertEquals(Outcome.Status.PASSED_THROUGH, result.outcome.status());
        assertTrue(result.outcome.reason().startsWith("already protected: "), result.outcome.reason());
        assertArrayEquals(bytes(message), result.output);
        assertEquals(0, result.encryptor.calls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"already-smime.eml", "already-pgp-inline.eml", "already-pgp-mime.eml", "already-smime-octet-stream.eml"})
    void sampleProtectedMessagesPassThroughByteForByte(String file) throws Exception {
        byte[] message = TestData.read(TestData.message(file));

        EncryptionRun result = EncryptionRun.run(message);

        assertEquals(Outcome.Status.PASSED_THROUGH, result.outcome.status());
        assertArrayEquals(message, result.output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void protectedMessageWithAnMboxEnvelopeLinePassesThroughByteForByte(String eol) throws Exception {
        byte[] message = bytes("From bob@example.net  Fri Dec  4 10:00:00 2026" + eol + "Subject: s" + eol
                + "Content-Type: text/plain" + eol + eol + "-----BEGIN PGP MESSAGE-----" + eol + "hQEM" + eol);

        EncryptionRun result = EncryptionRun.run(message);

        assertEquals(Outcome.Status.PASSED_THROUGH, result.outcome.status());
        assertArrayEquals(message, result.output);
    }

    @Test
    void passThroughWorksWhenTheInputArrivesOneByteAtATime() throws Exception {
        byte[] message = TestData.read(TestData.message("already-pgp-inline.eml"));

        EncryptionRun result = EncryptionRun.run(Mail.oneByteAtATime(message));

        assertArrayEquals(message, result.output);
    }

    @Test
    void reasonNamesWhatWasRecognised() throws Exception {
        assertEquals("already protected: Content-Type is multipart/encrypted",
                EncryptionRun.run(TestData.read(TestData.message("already-pgp-mime.eml"))).outcome.reason());
        assertEquals("already protected: an application/octet-stream named *.p7m",
                EncryptionRun.run(TestData.read(TestData.message("already-smime-octet-stream.eml"))).outcome.reason());
        assertEquals("already protected: the body starts with -----BEGIN PGP MESSAGE-----",
                EncryptionRun.run(TestData.read(TestData.message("already-pgp-inline.eml"))).outcome.reason());
    }

    static Stream<Arguments> lookAlikes() {
        return Stream.of(
                Arguments.of("multipart/signed", FROM
                        + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s\r\n\r\n--s--\r\n"),
                Arguments.of("octet-stream named report.pdf", FROM
                        + "Content-Type: application/octet-stream; name=\"report.pdf\"\r\n\r\nJVBERi0=\r\n"),
                Arguments.of("octet-stream named smime.p7m.pdf", FROM
                        + "Content-Type: application/octet-stream; name=\"smime.p7m.pdf\"\r\n\r\nJVBERi0=\r\n"),
                Arguments.of("octet-stream without a name", FROM + "Content-Type: application/octet-stream\r\n\r\nAAEC\r\n"),
                Arguments.of(".p7m name on a type other than octet-stream", FROM
                        + "Content-Type: text/plain; name=\"smime.p7m\"\r\n\r\nhello\r\n"),
                Arguments.of("S/MIME type only inside a comment", FROM
                        + "Content-Type: text/plain (not application/pkcs7-mime)\r\n\r\nhello\r\n"),
                Arguments.of("S/MIME type in another field", FROM
                        + "X-Original-Content-Type: application/pkcs7-mime\r\n\r\nhello\r\n"),
                Arguments.of("text mentioning PGP after the start", FROM
                        + "Content-Type: text/plain\r\n\r\nHere is my key:\r\n-----BEGIN PGP MESSAGE-----\r\n"),
                Arguments.of("clear-signed PGP", FROM
                        + "Content-Type: text/plain\r\n\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA256\r\n"),
                Arguments.of("PGP armor in lower case", FROM + "\r\n-----begin pgp message-----\r\n"),
                Arguments.of("PGP beyond the look-ahead", FROM
                        + "\r\n" + "\r\n".repeat(AlreadyEncrypted.BODY_LOOKAHEAD / 2) + "-----BEGIN PGP MESSAGE-----\r\n"),
                Arguments.of("PGP armor at the start of a part of a multipart", FROM
                        + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                        + "-----BEGIN PGP MESSAGE-----\r\n--b--\r\n"),
                Arguments.of("PGP armor at the start of a multipart body", FROM
                        + "Content-Type: multipart/mixed; boundary=b\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n--b--\r\n"),
                Arguments.of("PGP armor in an application/json body", FROM
                        + "Content-Type: application/json\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n"),
                Arguments.of("PGP armor cut short by the end of the body", FROM + "\r\n-----BEGIN PGP"),
                Arguments.of("S/MIME signed-data, readable by anyone", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n\r\nMIAG\r\n"),
                Arguments.of("legacy S/MIME certs-only", FROM
                        + "Content-Type: application/x-pkcs7-mime; smime-type=\"Certs-Only\"\r\n\r\nMIAG\r\n"),
                Arguments.of("S/MIME compressed-data", FROM
                        + "Content-Type: application/pkcs7-mime;\r\n smime-type=compressed-data\r\n\r\nMIAG\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void lookAlikeIsEncrypted(String name, String message) throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes(message));

        assertEquals(Outcome.encrypted(), result.outcome);
        assertEquals(1, result.encryptor.calls());
        assertTrue(result.header().contains("smime-type=enveloped-data"));
    }

    @Test
    void signedSampleIsEncryptedWithItsSignatureInside() throws Exception {
        EncryptionRun result = EncryptionRun.run(TestData.read(TestData.message("signed.eml")));

        assertEquals(Outcome.encrypted(), result.outcome);
        assertTrue(result.encryptor.entity().startsWith("Content-Type: multipart/signed;"));
        assertTrue(result.encryptor.entity().contains("Content-Type: application/pkcs7-signature"));
    }
}
