package org.sealmail.core.cms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;
import org.sealmail.core.x509.CertificateBundle;
import org.sealmail.core.x509.RecipientCertificate;

/**
 * Writes a CMS ContentInfo holding EnvelopedData (RFC 5652 section 6) in DER: one
 * KeyTransRecipientInfo per certificate (RSA PKCS#1 v1.5 over a fresh content key) and the
 * content encrypted with AES-CBC. Every certificate alone opens the result.
 *
 * <p>The caller chooses recipients and a cipher; the key, the IV and the padding are chosen
 * here, fresh for every message.
 */
public final class EnvelopedDataWriter {

    private static final int READ_CHUNK = 64 * 1024;

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

    /** Reads all of {@code content}, writes the DER ContentInfo to {@code der}. */
    public void encrypt(InputStream content, OutputStream der) throws SmimeException {
        byte[] contentKey = new byte[cipher.keyBytes()];
        byte[] iv = new byte[ContentCipher.BLOCK_SIZE];
        try {
            random.nextBytes(contentKey);
            random.nextBytes(iv);
            CiphertextBuffer ciphertext = encryptContent(content, contentKey, iv);
            List<byte[]> encryptedKeys = encryptContentKey(contentKey);
            DerWriter contentInfo = contentInfo(encryptedKeys, iv, ciphertext.length());
            contentInfo.writeTo(der, ciphertext::writeTo);
            der.flush();
        } catch (IOException e) {
            throw Failures.ioError("cannot write the encrypted output", e);
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL,
                    "the Java runtime refused " + cipher.cliName() + " or RSA: " + e.getMessage(), e);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private CiphertextBuffer encryptContent(InputStream content, byte[] key, byte[] iv)
            throws GeneralSecurityException, SmimeException {
        Cipher aes = Cipher.getInstance(cipher.transformation());
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        CiphertextBuffer ciphertext = new CiphertextBuffer();
        byte[] plain = new byte[READ_CHUNK];
        byte[] encrypted = new byte[READ_CHUNK + ContentCipher.BLOCK_SIZE];
        try {
            int n;
            while ((n = content.read(plain)) != -1) {
                int produced = aes.update(plain, 0, n, encrypted, 0);
                ciphertext.write(encrypted, 0, produced);
            }
            int produced = aes.doFinal(encrypted, 0);
            ciphertext.write(encrypted, 0, produced);
        } catch (IOException e) {
            throw Failures.ioError("cannot read the message", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return ciphertext;
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

    private DerWriter contentInfo(List<byte[]> encryptedKeys, byte[] iv, long ciphertextLength) {
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
                                        .addDeferredPrimitive(Tag.context(0), ciphertextLength)))));
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
