package org.sealmail.core.mime;

import java.io.FilterInputStream;
import java.io.InputStream;

/** A view of the caller's stream that code handed it cannot close: the caller owns it. */
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
}
