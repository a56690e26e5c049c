package org.sealmail.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decrypted output held in memory before it reaches a stream that cannot take it back (standard
 * output, a pipe). By default the first {@code releaseAfter} bytes are held, so a small message
 * that fails writes nothing, and larger output flows on. {@link #holdAll} turns that off: nothing
 * is written before {@link #release()}, and more than the cap is refused
 * ({@link #exceeded()} then says why the write failed). Held bytes are zeroed once written or dropped.
 */
final class HeldOutput extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final OutputStream target;
    private final List<byte[]> chunks = new ArrayList<>();
    private long limit;
    private long held;
    private int lastUsed = CHUNK;
    private boolean holdAll;
    private boolean flowing;
    private boolean exceeded;

    HeldOutput(OutputStream target, long releaseAfter) {
        this.target = target;
        this.limit = releaseAfter;
    }

    /** From now on nothing flows before {@link #release()}; more than {@code cap} bytes in all is refused. */
    void holdAll(long cap) {
        if (flowing) {
            throw new IllegalStateException("output already released");
        }
        holdAll = true;
        limit = cap;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (flowing) {
            target.write(b, off, len);
            return;
        }
        if (held + len > limit) {
            if (holdAll) {
                exceeded = true;
                drop();
                throw new IOException("more than " + limit + " bytes of decrypted output to hold back");
            }
            writeHeld();
            flowing = true;
            target.write(b, off, len);
            return;
        }
        held += len;
        while (len > 0) {
            if (lastUsed == CHUNK) {
                chunks.add(new byte[CHUNK]);
                lastUsed = 0;
            }
            int n = Math.min(len, CHUNK - lastUsed);
            System.arraycopy(b, off, chunks.get(chunks.size() - 1), lastUsed, n);
            lastUsed += n;
            off += n;
            len -= n;
        }
    }

    /** Flushes only output already flowing: flushing must not release what is held. */
    @Override
    public void flush() throws IOException {
        if (flowing) {
            target.flush();
        }
    }

    /** Writes everything held and lets the rest flow: call once the output is known good. */
    void release() throws IOException {
        writeHeld();
        flowing = true;
        target.flush();
    }

    /** Zeroes and forgets what is held (nothing is written). */
    void drop() {
        for (byte[] chunk : chunks) {
            Arrays.fill(chunk, (byte) 0);
        }
        chunks.clear();
        held = 0;
        lastUsed = CHUNK;
    }

    private void writeHeld() throws IOException {
        for (int i = 0; i < chunks.size(); i++) {
            target.write(chunks.get(i), 0, i == chunks.size() - 1 ? lastUsed : CHUNK);
        }
        drop();
    }

    @Override
    public void close() {
        drop();
    }
}
