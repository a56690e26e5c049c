package org.sealmail.core.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.mime.AlreadyEncrypted;
import org.sealmail.core.mime.HeaderReader;
import org.sealmail.core.mime.HeaderSection;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.mime.Outcome;

/**
 * Encrypts a message; one already encrypted is copied unchanged. A file larger than the writer's
 * look-ahead is read twice, a first pass counting its entity, so that its CMS object is DER with
 * definite lengths (what every client reads best) rather than BER: one read of the header first
 * tells a message already encrypted, which is then not counted.
 */
final class Encryption implements MessageTransform {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final EnvelopedDataWriter writer;
    private final MessageEncryptor encryptor;

    Encryption(EnvelopedDataWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.encryptor = new MessageEncryptor();
    }

    @Override
    public Outcome apply(InputStream message, OutputStream out) throws SmimeException {
        return encryptor.encrypt(message, out, writer);
    }

    @Override
    public Outcome apply(Source message, long size, OutputStream out) throws SmimeException {
        if (size <= EnvelopedDataWriter.LOOKAHEAD_BYTES || isAlreadyEncrypted(message)) {
            return MessageTransform.super.apply(message, size, out);
        }
        long entityLength;
        try (InputStream in = message.open()) {
            entityLength = encryptor.entityLength(in);
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
        try (InputStream in = message.open()) {
            return encryptor.encrypt(in, out, writer, entityLength);
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
    }

    private static boolean isAlreadyEncrypted(Source message) throws SmimeException {
        try (InputStream in = new BufferedInputStream(message.open(), BUFFER_BYTES)) {
            HeaderSection headers = HeaderReader.read(in);
            return AlreadyEncrypted.check(headers, in).isPresent();
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
    }
}
