package org.sealmail.core.cms;

import java.io.IOException;
import java.io.InputStream;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerStreamReader;

/**
 * A CMS EnvelopedData being read from a stream: its header, already parsed, then its encrypted
 * content as a stream of ciphertext, then {@link #finish()} for what follows the content. Memory
 * does not depend on the size of the content.
 */
public final class EnvelopedDataStream {

    private static final int DRAIN_BUFFER = 64 * 1024;

    private final EnvelopedHeader header;
    private final InputStream encryptedContent;
    private final Trailer trailer;
    private long contentBytesSkipped;
    private boolean ber;
    private boolean finished;

    /** Reads what follows the encrypted content; returns whether it used BER forms. */
    @FunctionalInterface
    interface Trailer {
        boolean read(BerStreamReader reader) throws SmimeException;
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
        ber |= trailer.read(reader);
        finished = true;
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
