package org.sealmail.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole stream that must stay under a size limit. Memory grows with what was read, in
 * chunks, never by doubling past the limit; the input is refused as soon as it passes it, so a
 * stream without end costs at most the limit.
 */
public final class LimitedRead {

    /** Under half a G1 region even on small heaps: a larger array is "humongous" and costs two regions. */
    private static final int CHUNK = 256 * 1024;

    private LimitedRead() {
    }

    /**
     * All of {@code in}, or BAD_INPUT "WHAT is larger than N MiB (limit NAME)".
     *
     * @param what what the input is, for the message ("the message", "key.pem")
     */
    public static byte[] readAll(InputStream in, int maxBytes, String what, Limits.Limit limit)
            throws IOException, SmimeException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = in.readNBytes((int) Math.min(CHUNK, maxBytes + 1L - total));
            total += chunk.length;
            if (total > maxBytes) {
                throw SmimeException.badInput(what + " is " + Limits.largerThan(maxBytes, limit));
            }
            if (chunk.length == 0) {
                break;
            }
            chunks.add(chunk);
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }
}
