package org.sealmail.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The peer: Bouncy Castle's streaming CMS classes doing the same work as sealmail, as their
 * documentation shows them: an S/MIME header, then the EnvelopedData of the message in base64
 * lines of 76 characters (CRLF), and back. Unlike sealmail it does not split the message's header
 * fields (the whole message is the inner entity), which only makes its work lighter.
 */
final class BouncyCastleSmime {

    /** Bouncy Castle's own provider (its pure-Java AES), as BC's CMS examples use it. */
    static final Provider BC = new BouncyCastleProvider();

    private static final int BUFFER = 64 * 1024;
    private static final byte[] SMIME_HEADER = ("MIME-Version: 1.0\r\n"
            + "Content-Type: application/pkcs7-mime; name=\"smime.p7m\"; smime-type=enveloped-data\r\n"
            + "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private final List<X509Certificate> recipients;
    private final PrivateKey key;
    private final String cipherName;
    private final Provider provider;
    private final byte[] buffer = new byte[BUFFER];

    BouncyCastleSmime(List<X509Certificate> recipients, PrivateKey key, String cipherName, Provider provider) {
        this.recipients = recipients;
        this.key = key;
        this.cipherName = cipherName;
        this.provider = provider;
    }

    void encrypt(byte[] message, OutputStream out) throws IOException, CMSException, CertificateEncodingException,
            OperatorCreationException {
        CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
        for (X509Certificate recipient : recipients) {
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient).setProvider(provider));
        }
        out.write(SMIME_HEADER);
        OutputStream base64 = Base64.getMimeEncoder(76, CRLF).wrap(new BufferedOutputStream(out, BUFFER));
        try (OutputStream cms = generator.open(base64, new JceCMSContentEncryptorBuilder(Ciphers.bouncyCastleOid(cipherName))
                .setProvider(provider).build())) {
            for (int offset = 0; offset < message.length; offset += BUFFER) {
                cms.write(message, offset, Math.min(BUFFER, message.length - offset));
            }
        }
        base64.close();
    }

    void decrypt(byte[] smimeMessage, OutputStream out) throws IOException, CMSException {
        int body = bodyStart(smimeMessage);
        InputStream base64 = Base64.getMimeDecoder().wrap(
                new ByteArrayInputStream(smimeMessage, body, smimeMessage.length - body));
        CMSEnvelopedDataParser parser = new CMSEnvelopedDataParser(new BufferedInputStream(base64, BUFFER));
        RecipientInformation recipient = parser.getRecipientInfos().getRecipients().iterator().next();
        try (InputStream content = recipient.getContentStream(
                new JceKeyTransEnvelopedRecipient(key).setProvider(provider)).getContentStream()) {
            int n;
            while ((n = content.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        }
        parser.close();
    }

    /** Where the body starts: after the first empty line. */
    private static int bodyStart(byte[] message) {
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return i + 4;
            }
        }
        throw new IllegalArgumentException("no empty line after the header");
    }
}
