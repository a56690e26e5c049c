package org.sealmail.core.store;

import java.io.InputStream;
import java.io.OutputStream;

import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.mime.Outcome;

/**
 * What Maildir delivery and the bulk jobs do to one message: the one place where the store calls
 * the crypto. {@link Outcome#wasEncrypted()} false means "keep the message as it is": delivery
 * stores what was written, a bulk job leaves the original file untouched.
 */
@FunctionalInterface
public interface MessageTransform {

    Outcome apply(InputStream message, OutputStream out) throws SmimeException;

    /** Encrypts with {@code writer}; a message already encrypted is copied unchanged. */
    static MessageTransform encryptWith(EnvelopedDataWriter writer) {
        MessageEncryptor encryptor = new MessageEncryptor();
        return (message, out) -> encryptor.encrypt(message, out, writer::encrypt);
    }

    /** Copies the message unchanged, e.g. for an account with encryption off. */
    static MessageTransform unchanged(String why) {
        return (message, out) -> {
            try {
                message.transferTo(out);
                return Outcome.passedThrough(why);
            } catch (java.io.IOException e) {
                throw new SmimeException(SmimeException.Reason.IO, "cannot read or write the message: "
                        + e.getMessage(), e);
            }
        };
    }
}
