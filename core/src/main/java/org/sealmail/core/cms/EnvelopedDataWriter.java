package org.sealmail.core.cms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;
import org.sealmail.core.x509.CertificateBundle;
import org.sealmail.core.x509.RecipientCertificate;

/**
 * Writes a CMS ContentInfo holding EnvelopedData (RFC 5652 section 6): one
 * KeyTransRecipientInfo per certificate (RSA PKCS#1 v1.5 over a fresh content key) and the
 * content encrypted with AES-CBC. Every certificate alone opens the result.
 *
 * <p>The content streams through; memory does not grow with it. When its length is known before
 * writing (given by the caller, or the content fits {@link #LOOKAHEAD_BYTES}) the output is DER
 * with definite lengths. Otherwise it is BER as {@code openssl cms -stream} and NSS write it:
 * indefinite lengths, the ciphertext as a constructed [0] of definite-length OCTET STRING chunks.
 *
 * <p>The caller chooses recipients and a cipher; the key, the IV and the padding are chosen
 * here, fresh for every message.
 */
public final class EnvelopedDataWriter {

    /** Content up to this size is read ahead, so its length and with it DER output are known. */
    public static final int LOOKAHEAD_BYTES = 1024 * 1024;

    private static final long UNKNOWN_LENGTH = -1;

    private final List<RecipientCertificate> recipients;
    private final ContentCipher cipher;
    private final SecureRandom random;

    /** @param recipients certificates already checked as recipients: RSA of 2048 bits or more, and so on */
    public EnvelopedDataWriter(CertificateBundle recipients, ContentCipher cipher) {
        this(recipients, cipher, new SecureRandom());
    }

    EnvelopedDataWriter(CertificateBundle recipients, ContentCipher cipher, SecureRandom random) {
        if (recipients.certificates().isEmpty()) {
            throw new IllegalArgumentException("at least one recipient certificate is needed");
        }
        this.recipients = recipients.certificates();
        this.cipher = cipher;
        this.random = random;
    }

    /**
     * Reads all of {@code content}, writes the ContentInfo to {@code out}: DER when the content
     * is at most {@link #LOOKAHEAD_BYTES}, BER with indefinite lengths when it is longer.
     */
    public void encrypt(InputStream content, OutputStream out) throws SmimeException {
        byte[] head = new byte[LOOKAHEAD_BYTES + 1];
        try {
            int n = content.readNBytes(head, 0, head.length);
            if (n <= LOOKAHEAD_BYTES) {
                write(new ByteArrayInputStream(head, 0, n), n, out);
            } else {
                write(new SequenceInputStream(new ByteArrayInputStream(head, 0, n), content), UNKNOWN_LENGTH, out);
            }
        } catch (IOException e) {
            throw Failures.ioError("cannot read the message", e);
        } finally {
            Arrays.fill(head, (byte) 0);
        }
    }

    /**
     * Reads exactly {@code contentLength} bytes of {@code content} (a file whose size is known) and
     * writes the ContentInfo to {@code out} in DER. Content of another length is an I/O error.
     */
    public void encrypt(InputStream content, long contentLength, OutputStream out) throws SmimeException {
        if (contentLength < 0) {
            throw new IllegalArgumentException("negative content length " + contentLength);
        }
        write(content, contentLength, out);
    }

    private void write(InputStream content, long contentLength, OutputStream out) throws SmimeException {
        byte[] contentKey = new byte[cipher.keyBytes()];
        byte[] iv = new byte[ContentCipher.BLOCK_SIZE];
        try {
            random.nextBytes(contentKey);
            random.nextBytes(iv);
            List<byte[]> encryptedKeys = encryptContentKey(contentKey);
            DerWriter contentInfo = contentInfo(encryptedKeys, iv, contentLength);
            CbcContentEncryption encryption = new CbcContentEncryption(cipher);
            contentInfo.writeTo(out, ciphertext -> {
                try {
                    encryption.encrypt(contentKey, iv, content, contentLength, ciphertext);
                } catch (GeneralSecurityException e) {
                    throw refused(e).asIoException();
                }
            });
            out.flush();
        } catch (IOException e) {
            throw Failures.ioError("cannot write the encrypted output", e);
        } catch (GeneralSecurityException e) {
            throw refused(e);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private SmimeException refused(GeneralSecurityException e) {
        return new SmimeException(SmimeException.Reason.INTERNAL,
                "the Java runtime refused " + cipher.cliName() + " or RSA: " + e.getMessage(), e);
    }

    private List<byte[]> encryptContentKey(byte[] contentKey) throws GeneralSecurityException {
        List<byte[]> encryptedKeys = new ArrayList<>();
        for (RecipientCertificate recipient : recipients) {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, recipient.rsaPublicKey(), random);
            encryptedKeys.add(rsa.doFinal(contentKey));
        }
        return encryptedKeys;
    }

    /** The framing: everything around the ciphertext, which is a deferred element written while streaming. */
    private DerWriter contentInfo(List<byte[]> encryptedKeys, byte[] iv, long contentLength) {
        return new DerWriter().addSequence(contentInfo -> contentInfo
                .addOid(Oids.ENVELOPED_DATA)
                .addConstructed(Tag.context(0), explicit -> explicit
                        .addSequence(envelopedData -> envelopedData
                                .addInteger(0)
                                .addSetOf(recipientInfos -> addRecipientInfos(recipientInfos, encryptedKeys))
                                .addSequence(encryptedContentInfo -> encryptedContentInfo
                                        .addOid(Oids.DATA)
                                        .addSequence(algorithm -> algorithm
                                                .addOid(cipher.oid())
                                                .addOctetString(iv))
                                        .apply(encryptedContent -> {
                                            if (contentLength == UNKNOWN_LENGTH) {
                                                encryptedContent.addDeferredChunked(Tag.context(0));
                                            } else {
                                                encryptedContent.addDeferredPrimitive(Tag.context(0),
                                                        ContentCipher.ciphertextLength(contentLength));
                                            }
                                        })))));
    }

    private void addRecipientInfos(DerWriter set, List<byte[]> encryptedKeys) {
        for (int i = 0; i < recipients.size(); i++) {
            RecipientCertificate recipient = recipients.get(i);
            byte[] encryptedKey = encryptedKeys.get(i);
            set.addSequence(keyTransRecipientInfo -> keyTransRecipientInfo
                    .addInteger(0)
                    .addSequence(issuerAndSerialNumber -> issuerAndSerialNumber
                            .addEncoded(recipient.issuerDer())
                            .addInteger(recipient.serialNumber()))
                    .addSequence(algorithm -> algorithm
                            .addOid(Oids.RSA_ENCRYPTION)
                            .addNull())
                    .addOctetString(encryptedKey));
        }
    }
}
