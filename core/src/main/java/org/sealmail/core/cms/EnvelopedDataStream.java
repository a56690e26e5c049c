package org.sealmail.core.cms;

import java.io.IOException;
import java.io.InputStream;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerStreamReader;

/**
 * A CMS EnvelopedData or AuthEnvelopedData being read from a stream: its header, already parsed,
 * then its encrypted content as a stream of ciphertext, then {@link #finish()} for what follows
 * the content (in AuthEnvelopedData the tag, {@link #mac()}). Memory does not depend on the size
 * of the content.
 */
public final class EnvelopedDataStream {

    private static final int DRAIN_BUFFER = 64 * 1024;

    private final EnvelopedHeader header;
    private final InputStream encryptedContent;
    private final Trailer trailer;
    private long contentBytesSkipped;
    private boolean ber;
    private byte[] mac = new byte[0];
    private boolean finished;

    /** Reads what follows the encrypted content. */
    @FunctionalInterface
    interface Trailer {
        End read(BerStreamReader reader) throws SmimeException;
    }

    /**
     * What the trailer found.
     *
     * @param ber whether it used BER forms
     * @param mac the AuthEnvelopedData tag, empty for EnvelopedData
     */
    record End(boolean ber, byte[] mac) {
    }

    private final BerStreamReader reader;

    EnvelopedDataStream(EnvelopedHeader header, BerStreamReader reader, InputStream encryptedContent, Trailer trailer) {
        this.header = header;
        this.reader = reader;
        this.encryptedContent = encryptedContent;
        this.trailer = trailer;
        this.ber = header.ber();
    }

    public EnvelopedHeader header() {
        return header;
    }

    /**
     * The ciphertext, read once. A malformed or cut encoding surfaces as an IOException whose
     * cause is the SmimeException to report ({@link SmimeException#fromIo}).
     */
    public InputStream encryptedContent() {
        return encryptedContent;
    }

    /**
     * Reads (and discards) whatever of the encrypted content was not read, then checks the rest of
     * the encoding: the unprotected attributes if any, every end-of-contents marker, nothing after.
     */
    public void finish() throws SmimeException {
        if (finished) {
            return;
        }
        try {
            byte[] scratch = new byte[DRAIN_BUFFER];
            int n;
            while ((n = encryptedContent.read(scratch)) != -1) {
                contentBytesSkipped += n;
            }
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the input", e);
        }
        End end = trailer.read(reader);
        ber |= end.ber();
        mac = end.mac();
        finished = true;
    }

    /** The AuthEnvelopedData tag (empty for EnvelopedData); read by {@link #finish()}. */
    public byte[] mac() {
        return mac.clone();
    }

    /** Bytes of ciphertext that {@link #finish()} read past (all of it, when nobody read it before). */
    public long skippedContentBytes() {
        return contentBytesSkipped;
    }

    /** Whether the encoding used BER forms anywhere; final once {@link #finish()} returned. */
    public boolean ber() {
        return ber;
    }
}
