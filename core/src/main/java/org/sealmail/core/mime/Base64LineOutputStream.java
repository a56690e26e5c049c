package org.sealmail.core.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;

/**
 * Writes base64 in lines of 76 characters, every line (the last, shorter one too) ending in CRLF.
 * Closing it finishes the base64 and the last line but leaves the underlying stream open.
 */
final class Base64LineOutputStream extends OutputStream {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream target;
    private final OutputStream encoder;
    private boolean wroteAny;
    private boolean closed;

    Base64LineOutputStream(OutputStream target) {
        this.target = target;
        this.encoder = Base64.getMimeEncoder(76, CRLF).wrap(NonClosing.output(target));
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        encoder.write(b);
        wroteAny = true;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        encoder.write(bytes, offset, length);
        wroteAny |= length > 0;
    }

    @Override
    public void flush() throws IOException {
        encoder.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        encoder.close();
        // The JDK's MIME encoder separates lines but does not end the last one.
        if (wroteAny) {
            target.write(CRLF);
        }
        target.flush();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
