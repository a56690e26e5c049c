package org.sealmail.core.mime;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Views of the caller's streams that code handed them cannot close: the caller owns them. */
final class NonClosing {

    private NonClosing() {
    }

    static InputStream input(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller closes its own stream
            }
        };
    }

    static OutputStream output(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
