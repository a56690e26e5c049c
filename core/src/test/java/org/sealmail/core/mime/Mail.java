package org.sealmail.core.mime;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Byte helpers shared by the mime tests. */
final class Mail {

    private Mail() {
    }

    /** One char, one byte: lets tests write exact bytes, CR and LF included, as Java text. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A stream that hands out one byte per read call, whatever was asked for. */
    static InputStream oneByteAtATime(byte[] bytes) {
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < bytes.length ? bytes[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] out, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                int b = read();
                if (b < 0) {
                    return -1;
                }
                out[offset] = (byte) b;
                return 1;
            }
        };
    }
}
