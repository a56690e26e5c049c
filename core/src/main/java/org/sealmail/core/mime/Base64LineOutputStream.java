package org.sealmail.core.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes base64 in lines of 76 characters, every line (the last, shorter one too) ending in CRLF.
 * Encodes in blocks of {@link #LINES_PER_BLOCK} lines with one call to the JDK encoder each,
 * which is what makes it fast. Closing it finishes the base64 and the last line but leaves the
 * underlying stream open.
 */
final class Base64LineOutputStream extends OutputStream {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int BYTES_PER_LINE = 57;
    private static final int LINES_PER_BLOCK = 1024;
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(76, CRLF);

    private final OutputStream target;
    private final byte[] block = new byte[BYTES_PER_LINE * LINES_PER_BLOCK];
    private final byte[] encoded = new byte[LINES_PER_BLOCK * (76 + 2)];
    private int used;
    private boolean closed;

    Base64LineOutputStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            int n = Math.min(length, block.length - used);
            System.arraycopy(bytes, offset, block, used, n);
            used += n;
            offset += n;
            length -= n;
            if (used == block.length) {
                writeBlock(block);
            }
        }
    }

    /** Encodes {@code bytes} (all of it) as whole lines, the last one ended too. */
    private void writeBlock(byte[] bytes) throws IOException {
        int n = ENCODER.encode(bytes, encoded);
        target.write(encoded, 0, n);
        // The JDK's MIME encoder separates lines but does not end the last one.
        target.write(CRLF);
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (used > 0) {
            byte[] last = Arrays.copyOf(block, used);
            writeBlock(last);
        }
        Arrays.fill(block, (byte) 0);
        target.flush();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
