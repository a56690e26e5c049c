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
 * Writes a CMS ContentInfo holding EnvelopedData (RFC 5652 section 6) for a CBC cipher, or
 * AuthEnvelopedData (RFC 5083) for an authenticated one: one recipient info per certificate
 * giving it a fresh content key (a {@link RecipientScheme} chosen by its key and the
 * {@link RecipientOptions}; RSA keys always get RSA-OAEP with an authenticated cipher) and the
 * encrypted content, followed in AuthEnvelopedData by the tag (the {@code mac} OCTET STRING,
 * no authenticated attributes, so no AAD). Every certificate alone opens the result.
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

    private static final int FIRST_LOOKAHEAD_BYTES = 64 * 1024;

    private static final long UNKNOWN_LENGTH = -1;

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
        this.options = cipher.authenticated() ? new RecipientOptions(true, options.idForm()) : options;
        this.random = random;
    }

    public ContentCipher cipher() {
        return cipher;
    }

    /** The options in effect: those given, with RSA-OAEP for an authenticated cipher. */
    public RecipientOptions options() {
        return options;
    }

    /**
     * Reads all of {@code content}, writes the ContentInfo to {@code out}: DER when the content
     * is at most {@link #LOOKAHEAD_BYTES}, BER with indefinite lengths when it is longer.
     */
    public void encrypt(InputStream content, OutputStream out) throws SmimeException {
        // Grown as bytes come, so a small message (most mail) costs a small buffer, not 1 MiB.
        byte[] head = new byte[FIRST_LOOKAHEAD_BYTES];
        int n = 0;
        try {
            while (n <= LOOKAHEAD_BYTES) {
                if (n == head.length) {
                    byte[] larger = Arrays.copyOf(head, Math.min(2 * head.length, LOOKAHEAD_BYTES + 1));
                    Arrays.fill(head, (byte) 0);
                    head = larger;
                }
                int read = content.read(head, n, head.length - n);
                if (read < 0) {
                    break;
                }
                n += read;
            }
            if (n <= LOOKAHEAD_BYTES) {
                write(new ByteArrayInputStream(head, 0, n), n, out);
            } else {
                write(new SequenceInputStream(new ByteArrayInputStream(head, 0, n), content), UNKNOWN_LENGTH, out);
            }
        } catch (IOException e) {
            throw Failures.ioError("cannot read the message", e);
        } finally {
            Arrays.fill(head, 0, n, (byte) 0);
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
        byte[] iv = new byte[cipher.ivBytes()];
        try {
            random.nextBytes(contentKey);
            random.nextBytes(iv);
            List<RecipientScheme.Encoded> recipientInfos = recipientInfos(contentKey);
            DerWriter contentInfo = contentInfo(recipientInfos, iv, contentLength);
            Cipher encryptor = cipher.encryptor(contentKey, iv);
            byte[][] tag = new byte[1][];
            DerWriter.DeferredContent encryptedContent = ciphertext -> {
                try {
                    tag[0] = ContentEncryption.encrypt(encryptor, cipher.tagBytes(), content, contentLength, ciphertext);
                } catch (GeneralSecurityException e) {
                    throw refused(e).asIoException();
                }
            };
            if (cipher.authenticated()) {
                contentInfo.writeTo(out, encryptedContent, mac -> mac.write(tag[0]));
            } else {
                contentInfo.writeTo(out, encryptedContent);
            }
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
                "the Java runtime refused " + cipher.cliName() + " or a key algorithm: " + e.getMessage(), e);
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

    /**
     * The framing: everything around the ciphertext, which is a deferred element written while
     * streaming; in AuthEnvelopedData (RFC 5083 2.1: version 0 always) the tag follows it as a
     * second deferred element of known length.
     */
    private DerWriter contentInfo(List<RecipientScheme.Encoded> recipientInfos, byte[] iv, long contentLength) {
        boolean authenticated = cipher.authenticated();
        return new DerWriter().addSequence(contentInfo -> contentInfo
                .addOid(authenticated ? Oids.AUTH_ENVELOPED_DATA : Oids.ENVELOPED_DATA)
                .addConstructed(Tag.context(0), explicit -> explicit
                        .addSequence(envelopedData -> envelopedData
                                .addInteger(authenticated ? 0 : version(recipientInfos))
                                .addSetOf(set -> recipientInfos.forEach(info -> set.addEncoded(info.der())))
                                .addSequence(encryptedContentInfo -> encryptedContentInfo
                                        .addOid(Oids.DATA)
                                        .addSequence(algorithm -> cipher.addParameters(algorithm.addOid(cipher.oid()), iv))
                                        .apply(encryptedContent -> {
                                            if (contentLength == UNKNOWN_LENGTH) {
                                                encryptedContent.addDeferredChunked(Tag.context(0));
                                            } else {
                                                encryptedContent.addDeferredPrimitive(Tag.context(0),
                                                        cipher.ciphertextLength(contentLength));
                                            }
                                        }))
                                .apply(mac -> {
                                    if (authenticated) {
                                        mac.addDeferredPrimitive(Tag.OCTET_STRING, cipher.tagBytes());
                                    }
                                }))));
    }
}
