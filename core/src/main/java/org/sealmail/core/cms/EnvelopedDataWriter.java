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
 * Writes a CMS ContentInfo holding EnvelopedData (RFC 5652 section 6) in DER: one recipient info
 * per certificate giving it a fresh content key (a {@link RecipientScheme} chosen by its key and
 * the {@link RecipientOptions}) and the content encrypted with AES-CBC. Every certificate alone opens the result.
 *
 * <p>The caller chooses recipients and a cipher; the key, the IV and the padding are chosen
 * here, fresh for every message.
 */
public final class EnvelopedDataWriter {

    private static final int READ_CHUNK = 64 * 1024;

    private final List<RecipientCertificate> recipients;
    private final ContentCipher cipher;
    private final RecipientOptions options;
    private final SecureRandom random;

    /** @param recipients certificates already checked as recipients: RSA of 2048 bits or more, and so on */
    public EnvelopedDataWriter(CertificateBundle recipients, ContentCipher cipher) {
        this(recipients, cipher, RecipientOptions.DEFAULT, new SecureRandom());
    }

    /**
     * @param options how RSA keys get the content key and how recipients are named
     * @throws SmimeException when a certificate cannot be named as {@code options} asks (no subject key identifier)
     */
    public EnvelopedDataWriter(CertificateBundle recipients, ContentCipher cipher, RecipientOptions options)
            throws SmimeException {
        this(recipients, cipher, options, new SecureRandom());
        if (options.idForm() == RecipientIdForm.SUBJECT_KEY_IDENTIFIER) {
            for (RecipientCertificate recipient : this.recipients) {
                if (recipient.subjectKeyIdentifier() == null) {
                    throw SmimeException.badInput(RecipientIds.missingSki(recipient));
                }
            }
        }
    }

    EnvelopedDataWriter(CertificateBundle recipients, ContentCipher cipher, RecipientOptions options,
            SecureRandom random) {
        if (recipients.certificates().isEmpty()) {
            throw new IllegalArgumentException("at least one recipient certificate is needed");
        }
        this.recipients = recipients.certificates();
        this.cipher = cipher;
        this.options = options;
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
            List<RecipientScheme.Encoded> recipientInfos = recipientInfos(contentKey);
            DerWriter contentInfo = contentInfo(recipientInfos, iv, ciphertext.length());
            contentInfo.writeTo(der, ciphertext::writeTo);
            der.flush();
        } catch (IOException e) {
            throw Failures.ioError("cannot write the encrypted output", e);
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL,
                    "the Java runtime refused " + cipher.cliName() + " or a key algorithm: " + e.getMessage(), e);
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

    private List<RecipientScheme.Encoded> recipientInfos(byte[] contentKey)
            throws GeneralSecurityException, SmimeException {
        List<RecipientScheme.Encoded> infos = new ArrayList<>();
        for (RecipientCertificate recipient : recipients) {
            RecipientScheme scheme = RecipientSchemes.forCertificate(recipient, options);
            infos.add(scheme.recipientInfo(recipient, contentKey, options.idForm(), random));
        }
        return infos;
    }

    /** RFC 5652 6.1: version 0 when every recipient info is version 0, else 2. */
    private static int version(List<RecipientScheme.Encoded> recipientInfos) {
        return recipientInfos.stream().allMatch(info -> info.version() == 0) ? 0 : 2;
    }

    private DerWriter contentInfo(List<RecipientScheme.Encoded> recipientInfos, byte[] iv, long ciphertextLength) {
        return new DerWriter().addSequence(contentInfo -> contentInfo
                .addOid(Oids.ENVELOPED_DATA)
                .addConstructed(Tag.context(0), explicit -> explicit
                        .addSequence(envelopedData -> envelopedData
                                .addInteger(version(recipientInfos))
                                .addSetOf(set -> recipientInfos.forEach(info -> set.addEncoded(info.der())))
                                .addSequence(encryptedContentInfo -> encryptedContentInfo
                                        .addOid(Oids.DATA)
                                        .addSequence(algorithm -> algorithm
                                                .addOid(cipher.oid())
                                                .addOctetString(iv))
                                        .addDeferredPrimitive(Tag.context(0), ciphertextLength)))));
    }
}
