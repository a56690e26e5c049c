package org.sealmail.bench;

import java.io.OutputStream;

/**
 * Where benchmark output goes: nothing is stored, so no I/O or copying is measured, but every
 * write is seen (bytes counted, last byte folded in) so the JIT cannot drop the work that made it.
 */
final class Sink extends OutputStream {

    private long count;
    private int last;

    @Override
    public void write(int b) {
        count++;
        last ^= b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > 0) {
            count += len;
            last ^= b[off + len - 1];
        }
    }

    /** A value that depends on everything written; benchmarks return it to JMH. */
    long checksum() {
        return count * 31 + last;
    }

    long count() {
        return count;
    }
}
