package org.sealmail.core.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Turns every bare LF into CRLF (RFC 8551 canonical form); CRLF and bare CR pass unchanged.
 * Remembers across reads whether the last byte was a CR, so a CRLF split between two reads
 * of the underlying stream is not doubled.
 */
public final class LfToCrlfInputStream extends FilterInputStream {

    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean previousWasCr;
    private boolean lfPending;

    public LfToCrlfInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (lfPending) {
            lfPending = false;
            return '\n';
        }
        if (position == limit && !fill()) {
            return -1;
        }
        byte b = buffer[position++];
        if (b == '\n' && !previousWasCr) {
            lfPending = true;
            return '\r';
        }
        previousWasCr = b == '\r';
        return b & 0xff;
    }

    @Override
    public int read(byte[] out, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, out.length);
        if (length == 0) {
            return 0;
        }
        int n = 0;
        if (lfPending) {
            out[offset + n++] = '\n';
            lfPending = false;
        }
        while (n < length) {
            // Once something is read, return it rather than block for more.
            if (position == limit && (n > 0 || !fill())) {
                break;
            }
            byte b = buffer[position++];
            if (b == '\n' && !previousWasCr) {
                out[offset + n++] = '\r';
                if (n == length) {
                    lfPending = true;
                    previousWasCr = false;
                    break;
                }
            }
            out[offset + n++] = b;
            previousWasCr = b == '\r';
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (limit - position) + (lfPending ? 1 : 0) + in.available();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
