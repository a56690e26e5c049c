package org.sealmail.core.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.cms.EnvelopedDataParser;
import org.sealmail.core.cms.EnvelopedMessage;
import org.sealmail.core.cms.RecipientInfo;
import org.sealmail.core.mime.HeaderSection;
import org.sealmail.core.mime.HeaderReader;
import org.sealmail.core.mime.MessageDecryptor;
import org.sealmail.core.mime.Outcome;
import org.sealmail.core.mime.ParameterizedValue;
import org.sealmail.core.mime.SmimeEnvelope;
import org.sealmail.core.mime.SmimeType;

/**
 * Key rotation for one message: an S/MIME encrypted message is decrypted with the old key(s) and
 * encrypted to the current certificates. Left as it is ({@link Outcome#passedThrough}): a message
 * that is not S/MIME encrypted (plain, signed only, PGP), and one already encrypted to exactly the
 * current certificates, so a second run skips what the first one did. No key opens it: NO_MATCHING_KEY.
 * The plaintext exists only in memory, zeroed after use.
 */
final class Reencryption implements MessageTransform {

    static final String NOT_SMIME = "not S/MIME encrypted";
    static final String ALREADY_CURRENT = "already encrypted to the current certificates only";

    private final EnvelopedDataDecryptor decryptor;
    private final MessageTransform encrypt;
    private final List<X509Certificate> current;

    Reencryption(EnvelopedDataDecryptor decryptor, MessageTransform encrypt, List<X509Certificate> current) {
        this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
        this.encrypt = Objects.requireNonNull(encrypt, "encrypt");
        this.current = List.copyOf(current);
    }

    @Override
    public Outcome apply(InputStream in, OutputStream out) throws SmimeException {
        byte[] message;
        try {
            message = in.readAllBytes();
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO, "cannot read the message: " + e.getMessage(), e);
        }
        HeaderSection header = HeaderReader.read(new ByteArrayInputStream(message));
        if (!isEnveloped(header)) {
            return Outcome.passedThrough(NOT_SMIME);
        }
        SmimeEnvelope envelope = SmimeEnvelope.read(new ByteArrayInputStream(message));
        EnvelopedMessage cms = EnvelopedDataParser.parse(envelope.cms());
        if (isForExactly(cms, current)) {
            return Outcome.passedThrough(ALREADY_CURRENT);
        }
        Plaintext plain = new Plaintext(message.length);
        try {
            MessageDecryptor.decrypt(envelope, plain, bytes -> decryptor.decrypt(cms));
            Outcome outcome = encrypt.apply(plain.asInput(), out);
            if (!outcome.wasEncrypted()) {
                // The decrypted message is itself encrypted: what was written is not what to keep.
                throw SmimeException.unsupported("its decrypted content is encrypted again (" + outcome.reason()
                        + "); left as it is");
            }
            return outcome;
        } finally {
            plain.zero();
        }
    }

    /** application/(x-)pkcs7-mime with no smime-type, enveloped-data or authEnveloped-data. */
    private static boolean isEnveloped(HeaderSection header) {
        Optional<ParameterizedValue> type = header.first("Content-Type")
                .flatMap(field -> ParameterizedValue.parse(field.value()));
        if (type.isEmpty()) {
            return false;
        }
        String value = type.get().value();
        if (!value.equals("application/pkcs7-mime") && !value.equals("application/x-pkcs7-mime")) {
            return false;
        }
        return type.get().parameter("smime-type")
                .map(smimeType -> smimeType.toLowerCase(Locale.ROOT).equals(SmimeType.ENVELOPED_DATA.parameter())
                        || smimeType.equalsIgnoreCase(SmimeType.AUTH_ENVELOPED_DATA.parameter()))
                .orElse(true);
    }

    /** Every recipient is one of {@code certificates}, and each of them is a recipient. */
    static boolean isForExactly(EnvelopedMessage cms, List<X509Certificate> certificates) {
        for (RecipientInfo recipient : cms.recipients()) {
            if (recipient.id() == null || certificates.stream().noneMatch(recipient.id()::matches)) {
                return false;
            }
        }
        for (X509Certificate certificate : certificates) {
            if (cms.recipients().stream().noneMatch(r -> r.id() != null && r.id().matches(certificate))) {
                return false;
            }
        }
        return true;
    }

    /** The decrypted message, in memory only, zeroed when done. */
    private static final class Plaintext extends ByteArrayOutputStream {

        Plaintext(int size) {
            super(size);
        }

        InputStream asInput() {
            return new ByteArrayInputStream(buf, 0, count);
        }

        void zero() {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
