package org.sealmail.core.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.cms.EnvelopedDataParser;
import org.sealmail.core.cms.EnvelopedDataStream;
import org.sealmail.core.cms.RecipientInfo;
import org.sealmail.core.mime.HeaderSection;
import org.sealmail.core.mime.HeaderReader;
import org.sealmail.core.mime.MessageDecryptor;
import org.sealmail.core.mime.Outcome;
import org.sealmail.core.mime.SmimeEnvelope;

/**
 * Key rotation for one message: an S/MIME encrypted message is decrypted with the old key(s) and
 * encrypted to the current certificates. Left as it is ({@link Outcome#passedThrough}): a message
 * that is not S/MIME encrypted (plain, signed only, PGP), and one already encrypted to exactly the
 * current certificates, so a second run skips what the first one did. No key opens it: NO_MATCHING_KEY.
 * The plaintext streams from the decryption to the encryption through a bounded buffer in memory
 * (zeroed after use), never on disk: memory does not grow with the message. Whether a message
 * is already current is decided from its header and recipient infos, without decrypting.
 */
final class Reencryption implements MessageTransform {

    static final String NOT_SMIME = "not S/MIME encrypted";
    static final String ALREADY_CURRENT = "already encrypted to the current certificates only";

    private static final int BUFFER_BYTES = 64 * 1024;

    /** Plaintext in flight between decryption and encryption: bounded, whatever the message size. */
    static final int PIPE_BYTES = 256 * 1024;

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
        BufferedInputStream message = new BufferedInputStream(in, BUFFER_BYTES);
        HeaderSection header = HeaderReader.read(message);
        if (!SmimeEnvelope.announcesEncryption(header)) {
            return Outcome.passedThrough(NOT_SMIME);
        }
        SmimeEnvelope.Opened envelope = SmimeEnvelope.open(header, message);
        EnvelopedDataStream cms = EnvelopedDataParser.open(envelope.cms());
        if (isForExactly(cms.header().recipients(), current)) {
            return Outcome.passedThrough(ALREADY_CURRENT);
        }
        Outcome outcome = reencrypt(envelope.header(), cms, out);
        if (!outcome.wasEncrypted()) {
            // The decrypted message is itself encrypted: what was written is not what to keep.
            throw SmimeException.unsupported("its decrypted content is encrypted again (" + outcome.reason()
                    + "); left as it is");
        }
        return outcome;
    }

    /**
     * Decrypts on a thread of its own into a bounded pipe that the encryption reads on this one.
     * The encryption sees the end of the plaintext only once the decryption succeeded (the
     * padding checked, the CMS encoding complete); when the decryption fails, its error is what
     * this throws, whatever the encryption made of it. The thread has ended when this returns.
     */
    private Outcome reencrypt(HeaderSection header, EnvelopedDataStream cms, OutputStream out) throws SmimeException {
        PlaintextPipe pipe = new PlaintextPipe(PIPE_BYTES);
        Thread decrypting = new Thread(() -> decryptInto(header, cms, pipe), "sealmail-reencrypt-decrypt");
        decrypting.setDaemon(true);
        decrypting.start();
        try {
            InputStream plain = pipe.source();
            Outcome outcome = encrypt.apply(plain, out);
            drain(plain);
            return outcome;
        } catch (SmimeException e) {
            SmimeException decryption = pipe.closeReading();
            throw decryption != null ? decryption : e;
        } finally {
            pipe.closeReading();
            joinUninterruptibly(decrypting);
        }
    }

    private void decryptInto(HeaderSection header, EnvelopedDataStream cms, PlaintextPipe pipe) {
        try {
            OutputStream plain = new BufferedOutputStream(pipe.sink(), BUFFER_BYTES);
            MessageDecryptor.writeOuterHeader(header, plain);
            decryptor.decrypt(cms, plain);
            plain.flush();
            pipe.finishWriting();
        } catch (SmimeException e) {
            pipe.failWriting(e);
        } catch (IOException e) {
            pipe.failWriting(SmimeException.fromIo("cannot pass the decrypted message on", e));
        } catch (RuntimeException | Error e) {
            pipe.failWriting(new SmimeException(SmimeException.Reason.INTERNAL, "internal error while decrypting: " + e, e));
        }
    }

    /**
     * Reads to the end of the plaintext: only there is the decryption judged, whether or not the
     * encryption read that far (it does; this makes sure).
     */
    private static void drain(InputStream plain) throws SmimeException {
        try {
            plain.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the decrypted message", e);
        }
    }

    /**
     * Waits for the decrypting thread, which ends soon: its pipe is closed, so its next write
     * fails. An interrupt is kept for the caller rather than leaving the thread behind.
     */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every recipient is one of {@code certificates}, and each of them is a recipient. */
    static boolean isForExactly(List<RecipientInfo> recipients, List<X509Certificate> certificates) {
        for (RecipientInfo recipient : recipients) {
            if (recipient.id() == null || certificates.stream().noneMatch(recipient.id()::matches)) {
                return false;
            }
        }
        for (X509Certificate certificate : certificates) {
            if (recipients.stream().noneMatch(r -> r.id() != null && r.id().matches(certificate))) {
                return false;
            }
        }
        return true;
    }
}
