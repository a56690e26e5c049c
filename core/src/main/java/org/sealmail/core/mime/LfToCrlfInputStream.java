package org.sealmail.core.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Turns every bare LF into CRLF (RFC 8551 canonical form); CRLF and bare CR pass unchanged.
 * Remembers across reads whether the last byte was a CR, so a CRLF split between two reads
 * of the underlying stream is not doubled.
 *
 * <p>Works block-wise: it scans for the next LF and copies the run before it in bulk, so text
 * with lines of any normal length costs little more than a copy. {@link #canonicalLength} and
 * {@link #writeCanonical} apply the same rule without a stream.
 */
public final class LfToCrlfInputStream extends FilterInputStream {

    /** As large as the buffered streams it reads from, so their reads go straight into it. */
    static final int BUFFER_SIZE = 64 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0a0a0a0a0a0a0a0aL;

    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    /** Whether the last byte taken from the source was a CR. */
    private boolean previousWasCr;
    /** The LF of an inserted CRLF that did not fit the caller's last read. */
    private boolean lfPending;
    private final byte[] one = new byte[1];

    public LfToCrlfInputStream(InputStream in) {
        super(in);
    }

    /**
     * The length of what {@code in} turns into (its bytes plus one for each bare LF), reading it
     * to its end without copying it anywhere.
     */
    static long canonicalLength(InputStream in) throws IOException {
        byte[] block = new byte[BUFFER_SIZE];
        boolean previousWasCr = false;
        long length = 0;
        int n;
        while ((n = in.read(block, 0, block.length)) != -1) {
            if (n == 0) {
                continue;
            }
            length += n;
            int lf = indexOfLf(block, 0, n);
            while (lf >= 0) {
                if (lf == 0 ? !previousWasCr : block[lf - 1] != '\r') {
                    length++;
                }
                lf = indexOfLf(block, lf + 1, n);
            }
            previousWasCr = block[n - 1] == '\r';
        }
        return length;
    }

    /** Writes {@code bytes} with every bare LF turned into CRLF. */
    static void writeCanonical(byte[] bytes, OutputStream out) throws IOException {
        int start = 0;
        int lf = indexOfLf(bytes, 0, bytes.length);
        while (lf >= 0) {
            if (lf == 0 || bytes[lf - 1] != '\r') {
                out.write(bytes, start, lf - start);
                out.write('\r');
                start = lf;
            }
            lf = indexOfLf(bytes, lf + 1, bytes.length);
        }
        out.write(bytes, start, bytes.length - start);
    }

    /** The index of the first LF in {@code bytes[from, to)}, or -1. */
    static int indexOfLf(byte[] bytes, int from, int to) {
        int i = from;
        // Eight bytes at a time: a byte of x ^ LFS is zero exactly where an LF is, and the lowest
        // byte flagged by (y - 0x01..) & ~y & 0x80.. is the first zero byte (higher ones may be false).
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long y = (long) LONGS.get(bytes, i) ^ LFS;
            long zeros = (y - 0x0101010101010101L) & ~y & 0x8080808080808080L;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
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
            int end = position + Math.min(limit - position, length - n);
            int lf = indexOfLf(buffer, position, end);
            int runEnd = lf < 0 ? end : lf;
            int run = runEnd - position;
            if (run > 0) {
                System.arraycopy(buffer, position, out, offset + n, run);
                n += run;
                previousWasCr = buffer[runEnd - 1] == '\r';
                position = runEnd;
            }
            if (lf < 0) {
                continue;
            }
            // buffer[position] is an LF, and there is room for at least one more byte.
            position++;
            if (previousWasCr) {
                out[offset + n++] = '\n';
            } else {
                out[offset + n++] = '\r';
                if (n == length) {
                    lfPending = true;
                } else {
                    out[offset + n++] = '\n';
                }
            }
            previousWasCr = false;
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
