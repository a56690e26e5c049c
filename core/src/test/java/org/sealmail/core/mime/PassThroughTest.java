package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.mime.Mail.bytes;
import static org.sealmail.core.mime.Mail.text;

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

    /** The first base64 line of an EnvelopedData that openssl cms -encrypt wrote (definite lengths). */
    static final String ENVELOPED = "MIIDiQYJKoZIhvcNAQcDoIIDejCCA3YCAQAxggE9MIIBOQIBADAhMBsxGTAXBgNV\r\n";

    /** The start of an EnvelopedData with indefinite lengths, as NSS and openssl cms -stream write. */
    static final String ENVELOPED_INDEFINITE = "MIAGCSqGSIb3DQEHA6CAMIACAQA=\r\n";

    /** The first base64 line of an AuthEnvelopedData (openssl cms -encrypt -aes-256-gcm). */
    static final String AUTH_ENVELOPED = "MIIDlwYLKoZIhvcNAQkQARegggOGMIIDggIBADGCAT0wggE5AgEAMCEwGzEZMBcG\r\n";

    /** The start of a SignedData: readable by anyone. */
    static final String SIGNED = "MIAGCSqGSIb3DQEHAqCAMIACAQE=\r\n";

    /** The raw BER start of an EnvelopedData, then bytes no text would hold. */
    static final String ENVELOPED_BINARY =
            "0\200\006\t*\206H\206\367\r\001\007\003\240\200\377\000\r";

    private static final String BASE64 = "Content-Transfer-Encoding: base64\r\n";

    private static final String PGP_MIME = "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n\r\n";

    private static final String PGP_MIME_PARTS = "--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
            + "--b\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n\r\nhQEM\r\n"
            + "-----END PGP MESSAGE-----\r\n--b--\r\n";

    static Stream<Arguments> alreadyProtected() {
        return Stream.of(
                Arguments.of("PGP/MIME", FROM + PGP_MIME + PGP_MIME_PARTS),
                Arguments.of("PGP/MIME after a preamble", FROM + PGP_MIME + "This is an OpenPGP/MIME encrypted message.\r\n" + PGP_MIME_PARTS),
                Arguments.of("PGP/MIME, protocol in upper case and on a continuation line", FROM
                        + "Content-Type: multipart/encrypted; boundary=b;\r\n protocol=\"Application/PGP-Encrypted\"\r\n\r\n" + PGP_MIME_PARTS),
                Arguments.of("PGP/MIME with bare LF", text(bytes(FROM + PGP_MIME + PGP_MIME_PARTS)).replace("\r\n", "\n")),
                Arguments.of("PGP/MIME armor just inside the look-ahead", FROM + PGP_MIME
                        + "x".repeat(AlreadyEncrypted.BODY_LOOKAHEAD - 29) + "\r\n-----BEGIN PGP MESSAGE-----\r\n"),
                Arguments.of("S/MIME enveloped", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("S/MIME enveloped, indefinite lengths", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n" + BASE64 + "\r\n" + ENVELOPED_INDEFINITE),
                Arguments.of("S/MIME authEnveloped-data", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data\r\n" + BASE64 + "\r\n" + AUTH_ENVELOPED),
                Arguments.of("S/MIME without smime-type", FROM + "Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("legacy x-pkcs7-mime", FROM + "Content-Type: application/x-pkcs7-mime\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("upper case type and encoding", FROM
                        + "CONTENT-TYPE: Application/PKCS7-MIME\r\nContent-Transfer-Encoding: BASE64\r\n\r\n" + ENVELOPED),
                Arguments.of("type on a continuation line", FROM
                        + "Content-Type:\r\n application/pkcs7-mime;\r\n\tsmime-type=enveloped-data\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("comment before the type", FROM + "Content-Type: (S/MIME) application/pkcs7-mime\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("base64 with line breaks inside the first groups", FROM
                        + "Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\nMI\r\nIDiQ\r\nYJK oZIh\r\n\tvcNAQcD\r\n"),
                Arguments.of("base64 after blank lines", FROM + "Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\n\r\n \r\n" + ENVELOPED),
                Arguments.of("base64 with bare LF", "Subject: s\nContent-Type: application/pkcs7-mime\nContent-Transfer-Encoding: base64\n\n"
                        + ENVELOPED.replace("\r\n", "\n")),
                Arguments.of("binary DER body", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data\r\nContent-Transfer-Encoding: binary\r\n\r\n" + ENVELOPED_BINARY),
                Arguments.of("8bit DER body", FROM + "Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + ENVELOPED_BINARY),
                Arguments.of("octet-stream, quoted name in mixed case", FROM
                        + "Content-Type: application/octet-stream; name=\"smime.P7M\"\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("octet-stream, name on a continuation line", FROM
                        + "Content-Type: application/octet-stream;\r\n name=\"smime.p7m\"\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("octet-stream, .p7m filename in Content-Disposition", FROM
                        + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment;\r\n filename=mail.p7m\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("octet-stream, RFC 2231 name*", FROM
                        + "Content-Type: application/octet-stream; name*=utf-8''smime%2Ep7m\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("octet-stream, RFC 2231 continued filename", FROM
                        + "Content-Type: application/octet-stream\r\n"
                        + "Content-Disposition: attachment; filename*0=\"sm\";\r\n filename*1=\"ime.p7m\"\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("inline PGP in text/plain", FROM
                        + "Content-Type: text/plain; charset=us-ascii\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n\r\nhQEM\r\n-----END PGP MESSAGE-----\r\n"),
                Arguments.of("inline PGP after blank lines and spaces", FROM
                        + "Content-Type: text/plain\r\n\r\n\r\n  \t\r\n\n   -----BEGIN PGP MESSAGE-----\r\nhQEM\r\n"),
                Arguments.of("inline PGP with no Content-Type", FROM + "\r\n-----BEGIN PGP MESSAGE-----\r\nhQEM\r\n"),
                Arguments.of("inline PGP in text/html", FROM + "Content-Type: text/html\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n"),
                Arguments.of("bare LF message keeps its bare LFs", "Subject: s\nContent-Type: text/plain\n\n-----BEGIN PGP MESSAGE-----\nhQEM\n"),
                Arguments.of("odd bytes kept", "Subject: s\r\nX-Odd: a\rb\n folded\r\nContent-Type: application/pkcs7-mime\n"
                        + "Content-Transfer-Encoding: binary\n\r\n" + ENVELOPED_BINARY));
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
    @ValueSource(strings = {"already-smime.eml", "already-smime-real.eml", "already-smime-authenveloped.eml",
        "already-pgp-inline.eml", "already-pgp-mime.eml", "already-smime-octet-stream.eml"})
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
        assertEquals("already protected: Content-Type is application/pkcs7-mime",
                EncryptionRun.run(TestData.read(TestData.message("already-smime-real.eml"))).outcome.reason());
        assertEquals("already protected: Content-Type is multipart/encrypted",
                EncryptionRun.run(TestData.read(TestData.message("already-pgp-mime.eml"))).outcome.reason());
        assertEquals("already protected: an application/octet-stream named *.p7m",
                EncryptionRun.run(TestData.read(TestData.message("already-smime-octet-stream.eml"))).outcome.reason());
        assertEquals("already protected: the body starts with -----BEGIN PGP MESSAGE-----",
                EncryptionRun.run(TestData.read(TestData.message("already-pgp-inline.eml"))).outcome.reason());
    }

    static Stream<Arguments> lookAlikes() {
        return Stream.of(
                Arguments.of("S/MIME type over a plain-text body", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n\r\n"
                        + "The launch codes are 1234\r\n"),
                Arguments.of("S/MIME type over base64 of plain text", FROM
                        + "Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\nVGhlIGxhdW5jaCBjb2RlcyBhcmUgMTIzNA==\r\n"),
                Arguments.of("S/MIME type over a binary plain-text body", FROM
                        + "Content-Type: application/x-pkcs7-mime\r\nContent-Transfer-Encoding: binary\r\n\r\nThe launch codes are 1234"),
                Arguments.of("S/MIME type over an empty body", FROM + "Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\n"),
                Arguments.of("S/MIME type and no body at all", FROM + "Content-Type: application/pkcs7-mime\r\n" + BASE64),
                Arguments.of("signed-data labelled enveloped-data", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n" + BASE64 + "\r\n" + SIGNED),
                Arguments.of("signed-data without smime-type", FROM + "Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\n" + SIGNED),
                Arguments.of("base64 CMS without a Content-Transfer-Encoding", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n\r\n" + ENVELOPED),
                Arguments.of("base64 CMS declared binary", FROM
                        + "Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: binary\r\n\r\n" + ENVELOPED),
                Arguments.of("base64 cut short inside the content type", FROM
                        + "Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\nMIAGCSqGSIb3DQ\r\n"),
                Arguments.of("base64 broken by a stray character", FROM
                        + "Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\nMIAG*CSqGSIb3DQEHA6CAMIACAQA=\r\n"),
                Arguments.of("quoted-printable plain text", FROM
                        + "Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=30=80 codes\r\n"),
                Arguments.of("PGP/MIME type over a plain body", FROM + PGP_MIME + "--b\r\nContent-Type: text/plain\r\n\r\n"
                        + "The launch codes are 1234\r\n--b--\r\n"),
                Arguments.of("PGP/MIME type, armor only inside a line", FROM + PGP_MIME
                        + "--b\r\nContent-Type: text/plain\r\n\r\nPaste -----BEGIN PGP MESSAGE----- here. The codes are 1234\r\n--b--\r\n"),
                Arguments.of("PGP/MIME armor beyond the look-ahead", FROM + PGP_MIME
                        + "x".repeat(AlreadyEncrypted.BODY_LOOKAHEAD) + "\r\n-----BEGIN PGP MESSAGE-----\r\n"),
                Arguments.of("multipart/encrypted without a protocol", FROM
                        + "Content-Type: multipart/encrypted; boundary=b\r\n\r\n" + PGP_MIME_PARTS),
                Arguments.of("multipart/encrypted for another protocol", FROM
                        + "Content-Type: multipart/encrypted; protocol=\"application/pkcs7-mime\"; boundary=b\r\n\r\n" + PGP_MIME_PARTS),
                Arguments.of("detached signature alone", FROM + "Content-Type: application/pkcs7-signature\r\n" + BASE64 + "\r\n" + SIGNED),
                Arguments.of("legacy x-pkcs7-signature", FROM + "Content-Type: application/x-pkcs7-signature\r\n" + BASE64 + "\r\n" + SIGNED),
                Arguments.of("octet-stream named *.p7m over plain text", FROM
                        + "Content-Type: application/octet-stream; name=\"smime.p7m\"\r\n\r\nThe launch codes are 1234\r\n"),
                Arguments.of("octet-stream named *.p7s, a signature", FROM
                        + "Content-Type: application/octet-stream; name=\"smime.p7s\"\r\n" + BASE64 + "\r\n" + SIGNED),
                Arguments.of("octet-stream named *.p7c, certificates", FROM
                        + "Content-Type: application/octet-stream; name*=utf-8''certs%2Ep7c\r\n" + BASE64 + "\r\nMIAGCSqGSIb3DQEHAqCA\r\n"),
                Arguments.of("octet-stream named *.p7z, compressed", FROM
                        + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"mail.p7z\"\r\n"
                        + BASE64 + "\r\nMIAGCyqGSIb3DQEJEAEJoIA=\r\n"),
                Arguments.of("multipart/signed", FROM
                        + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s\r\n\r\n--s--\r\n"),
                Arguments.of("octet-stream named report.pdf", FROM
                        + "Content-Type: application/octet-stream; name=\"report.pdf\"\r\n\r\nJVBERi0=\r\n"),
                Arguments.of("octet-stream named smime.p7m.pdf", FROM
                        + "Content-Type: application/octet-stream; name=\"smime.p7m.pdf\"\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("octet-stream without a name", FROM + "Content-Type: application/octet-stream\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of(".p7m name on a type other than octet-stream", FROM
                        + "Content-Type: text/plain; name=\"smime.p7m\"\r\n\r\nhello\r\n"),
                Arguments.of("S/MIME type only inside a comment", FROM
                        + "Content-Type: text/plain (not application/pkcs7-mime)\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("S/MIME type in another field", FROM
                        + "X-Original-Content-Type: application/pkcs7-mime\r\n" + BASE64 + "\r\n" + ENVELOPED),
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
                        + "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n" + BASE64 + "\r\n" + SIGNED),
                Arguments.of("enveloped body labelled signed-data", FROM
                        + "Content-Type: application/pkcs7-mime; smime-type=signed-data\r\n" + BASE64 + "\r\n" + ENVELOPED),
                Arguments.of("legacy S/MIME certs-only", FROM
                        + "Content-Type: application/x-pkcs7-mime; smime-type=\"Certs-Only\"\r\n" + BASE64 + "\r\n" + SIGNED),
                Arguments.of("S/MIME compressed-data", FROM
                        + "Content-Type: application/pkcs7-mime;\r\n smime-type=compressed-data\r\n" + BASE64 + "\r\nMIAGCyqGSIb3DQEJEAEJoIA=\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void lookAlikeIsEncrypted(String name, String message) throws Exception {
        EncryptionRun result = EncryptionRun.run(bytes(message));

        assertEquals(Outcome.encrypted(), result.outcome);
        assertEquals(1, result.encryptor.calls());
        assertTrue(result.header().contains("smime-type=enveloped-data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fake-smime-plaintext.eml", "fake-pgp-mime-plaintext.eml"})
    void plainTextUnderAnEncryptedContentTypeGoesInsideTheEncryption(String file) throws Exception {
        byte[] message = TestData.read(TestData.message(file));

        EncryptionRun result = EncryptionRun.run(message);

        assertEquals(Outcome.encrypted(), result.outcome);
        assertTrue(result.encryptor.entity().contains("The launch codes are 1234."));
        assertFalse(text(result.output).contains("launch codes"));
    }

    @Test
    void signedSampleIsEncryptedWithItsSignatureInside() throws Exception {
        EncryptionRun result = EncryptionRun.run(TestData.read(TestData.message("signed.eml")));

        assertEquals(Outcome.encrypted(), result.outcome);
        assertTrue(result.encryptor.entity().startsWith("Content-Type: multipart/signed;"));
        assertTrue(result.encryptor.entity().contains("Content-Type: application/pkcs7-signature"));
    }
}
