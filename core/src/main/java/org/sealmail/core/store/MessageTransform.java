package org.sealmail.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.mime.Outcome;
import org.sealmail.core.x509.CertificateBundle;
import org.sealmail.core.x509.RecipientCertificate;

/**
 * What Maildir delivery and the bulk jobs do to one message: the one place where the store calls
 * the crypto. {@link Outcome#wasEncrypted()} false means "keep the message as it is": delivery
 * stores what was written, a bulk job leaves the original file untouched.
 */
@FunctionalInterface
public interface MessageTransform {

    Outcome apply(InputStream message, OutputStream out) throws SmimeException;

    /** A message that can be read more than once: a file. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * The same for a message of {@code size} bytes that can be read again, for a transform that
     * gains from a first pass (the encryption of a large file: DER instead of BER). By default
     * the message is read once.
     */
    default Outcome apply(Source message, long size, OutputStream out) throws SmimeException {
        try (InputStream in = message.open()) {
            return apply(in, out);
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
    }

    /**
     * Encrypts with {@code writer}; a message already encrypted is copied unchanged. Given a
     * {@link Source}, a large message is read twice so that it gets DER.
     */
    static MessageTransform encryptWith(EnvelopedDataWriter writer) {
        return new Encryption(writer);
    }

    /**
     * Key rotation: an S/MIME message opened by one of {@code decryptor}'s keys is encrypted
     * with {@code writer} to {@code recipients}; other messages and those already encrypted to
     * exactly {@code recipients} are left as they are.
     */
    static MessageTransform reencrypt(EnvelopedDataDecryptor decryptor, EnvelopedDataWriter writer,
            CertificateBundle recipients) {
        List<X509Certificate> current = new ArrayList<>();
        for (RecipientCertificate recipient : recipients.certificates()) {
            current.add(recipient.certificate());
        }
        return new Reencryption(decryptor, encryptWith(writer), current);
    }

    /** Copies the message unchanged, e.g. for an account with encryption off. */
    static MessageTransform unchanged(String why) {
        return (message, out) -> {
            try {
                message.transferTo(out);
                return Outcome.passedThrough(why);
            } catch (IOException e) {
                throw new SmimeException(SmimeException.Reason.IO, "cannot read or write the message: "
                        + e.getMessage(), e);
            }
        };
    }
}
