package org.sealmail.core.cms;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds ciphertext in fixed-size chunks until its length is known, because DER needs the
 * length before the bytes. Chunks avoid one huge array and its copies on growth.
 * Only ciphertext goes here, never plaintext.
 */
final class CiphertextBuffer extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private int usedInLast = CHUNK;
    private long length;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (usedInLast == CHUNK) {
                chunks.add(new byte[CHUNK]);
                usedInLast = 0;
            }
            int n = Math.min(len, CHUNK - usedInLast);
            System.arraycopy(b, off, chunks.get(chunks.size() - 1), usedInLast, n);
            usedInLast += n;
            off += n;
            len -= n;
            length += n;
        }
    }

    long length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            out.write(chunks.get(i), 0, last ? usedInLast : CHUNK);
        }
    }
}
