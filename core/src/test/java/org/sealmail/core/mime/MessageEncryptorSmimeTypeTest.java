package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.testing.TestData;
import org.sealmail.core.x509.CertificateBundle;

/** Given the writer, the S/MIME entity names what the writer makes, whatever the encryptor was built with. */
class MessageEncryptorSmimeTypeTest {

    private static final byte[] MESSAGE = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(ContentCipher.class)
    void theSmimeTypeFollowsTheWritersCipher(ContentCipher cipher) throws Exception {
        EnvelopedDataWriter writer = new EnvelopedDataWriter(
                CertificateBundle.parse(TestData.read(TestData.pki("rsa2048.pem"))), cipher);
        String expected = cipher.authenticated() ? "smime-type=authEnveloped-data" : "smime-type=enveloped-data";

        for (MessageEncryptor encryptor : new MessageEncryptor[] {
                new MessageEncryptor(), new MessageEncryptor(SmimeType.AUTH_ENVELOPED_DATA)}) {
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            encryptor.encrypt(new ByteArrayInputStream(MESSAGE), streamed, writer);
            ByteArrayOutputStream sized = new ByteArrayOutputStream();
            long length = encryptor.entityLength(new ByteArrayInputStream(MESSAGE));
            encryptor.encrypt(new ByteArrayInputStream(MESSAGE), sized, writer, length);

            for (ByteArrayOutputStream out : new ByteArrayOutputStream[] {streamed, sized}) {
                String text = out.toString(StandardCharsets.US_ASCII);
                assertTrue(text.contains(expected), cipher + ": " + text);
            }
        }
    }
}
