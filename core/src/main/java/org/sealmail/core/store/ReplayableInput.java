package org.sealmail.core.store;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * A stream that remembers the first bytes read from it, so that a message refused while its
 * header was read can still be stored as it came, without writing plaintext anywhere else.
 */
final class ReplayableInput extends FilterInputStream {

    private final int limit;
    private byte[] recorded = new byte[8192];
    private int count;
    private boolean overflowed;

    ReplayableInput(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            record(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            record(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Whether every byte read so far was kept. */
    boolean canReplay() {
        return !overflowed;
    }

    /** Everything from the first byte: what was read, then the rest. */
    InputStream replay() {
        if (overflowed) {
            throw new IllegalStateException("more than " + limit + " bytes were read");
        }
        return new SequenceInputStream(new ByteArrayInputStream(recorded, 0, count), in);
    }

    /** Zeroes what was kept: it may be plaintext. */
    void forget() {
        Arrays.fill(recorded, (byte) 0);
        count = 0;
    }

    private void record(byte[] bytes, int offset, int length) {
        if (overflowed) {
            return;
        }
        if (count + length > limit) {
            overflowed = true;
            forget();
            return;
        }
        if (count + length > recorded.length) {
            byte[] larger = Arrays.copyOf(recorded, Math.min(limit, Math.max(recorded.length * 2, count + length)));
            Arrays.fill(recorded, (byte) 0);
            recorded = larger;
        }
        System.arraycopy(bytes, offset, recorded, count, length);
        count += length;
    }
}
