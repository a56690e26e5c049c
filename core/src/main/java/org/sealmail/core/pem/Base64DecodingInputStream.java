package org.sealmail.core.pem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import org.sealmail.core.SmimeException;

/**
 * Decodes base64 text as it streams in, in large blocks. Line breaks, spaces and tabs may stand
 * anywhere; padding is optional at the end, and after it only more padding and whitespace may
 * follow. Anything else is refused with the byte offset and line of the offending character, as
 * an IOException carrying a bad-input SmimeException ({@link SmimeException#fromIo}).
 *
 * <p>Optionally the text may end at a '-' (a PEM END line): decoding stops there and
 * {@link #rest()} gives the text from that '-' on.
 */
public final class Base64DecodingInputStream extends InputStream {

    private static final int BLOCK = 64 * 1024;
    private static final int WHITESPACE = -2;
    private static final int OTHER = -1;
    private static final int[] VALUES = new int[256];
    /** A character's value placed where it goes in a group of four; negative for a non-alphabet character. */
    private static final int[] FIRST = new int[256];
    private static final int[] SECOND = new int[256];
    private static final int[] THIRD = new int[256];
    private static final int[] FOURTH = new int[256];

    static {
        Arrays.fill(VALUES, OTHER);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
        for (char c : new char[] {'\r', '\n', ' ', '\t'}) {
            VALUES[c] = WHITESPACE;
        }
        for (int c = 0; c < 256; c++) {
            int v = VALUES[c];
            FIRST[c] = v < 0 ? Integer.MIN_VALUE : v << 18;
            SECOND[c] = v < 0 ? Integer.MIN_VALUE : v << 12;
            THIRD[c] = v < 0 ? Integer.MIN_VALUE : v << 6;
            FOURTH[c] = v < 0 ? Integer.MIN_VALUE : v;
        }
    }

    private final InputStream text;
    private final String what;
    private final boolean endsAtDash;
    private final byte[] raw = new byte[BLOCK];
    private int rawPosition;
    private int rawLimit;
    private long rawStart;
    private long line = 1;
    private final byte[] decoded = new byte[BLOCK];
    private int decodedPosition;
    private int decodedLimit;
    private int bits;
    private int count;
    private int padding;
    private boolean finished;

    /**
     * @param what       names the text in errors, e.g. "the S/MIME body"
     * @param endsAtDash whether a '-' ends the base64 (PEM) rather than being refused
     */
    public Base64DecodingInputStream(InputStream text, String what, boolean endsAtDash) {
        this.text = text;
        this.what = what;
        this.endsAtDash = endsAtDash;
    }

    @Override
    public int read() throws IOException {
        if (decodedPosition == decodedLimit && !fillDecoded()) {
            return -1;
        }
        return decoded[decodedPosition++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (decodedPosition == decodedLimit && !fillDecoded()) {
            return -1;
        }
        int n = Math.min(len, decodedLimit - decodedPosition);
        System.arraycopy(decoded, decodedPosition, b, off, n);
        decodedPosition += n;
        return n;
    }

    /** After the decoded bytes ended: the text that followed the base64 (from the '-' on). */
    public InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(raw, rawPosition, rawLimit - rawPosition), text);
    }

    /** The line the next character is on, counting from 1. */
    public long line() {
        return line;
    }

    private boolean fillDecoded() throws IOException {
        decodedPosition = 0;
        decodedLimit = 0;
        while (decodedLimit == 0 && !finished) {
            if (rawPosition == rawLimit && !fillRaw()) {
                endOfText();
            } else {
                decodeRaw();
            }
        }
        return decodedLimit > 0;
    }

    private void decodeRaw() throws IOException {
        byte[] in = raw;
        byte[] out = decoded;
        int p = rawPosition;
        int limit = rawLimit;
        int o = decodedLimit;
        int room = out.length - 3;
        int acc = bits;
        int n = count;
        while (p < limit && o <= room) {
            if (n == 0 && padding == 0) {
                // The bulk of any base64 text: whole groups of four alphabet characters, taken at once.
                while (p + 4 <= limit && o <= room) {
                    int group = FIRST[in[p] & 0xff] | SECOND[in[p + 1] & 0xff] | THIRD[in[p + 2] & 0xff]
                            | FOURTH[in[p + 3] & 0xff];
                    if (group < 0) {
                        break;
                    }
                    out[o] = (byte) (group >> 16);
                    out[o + 1] = (byte) (group >> 8);
                    out[o + 2] = (byte) group;
                    o += 3;
                    p += 4;
                }
                if (p == limit || o > room) {
                    break;
                }
            }
            int c = in[p] & 0xff;
            int v = VALUES[c];
            if (v >= 0 && padding == 0) {
                acc = (acc << 6) | v;
                if (++n == 4) {
                    out[o] = (byte) (acc >> 16);
                    out[o + 1] = (byte) (acc >> 8);
                    out[o + 2] = (byte) acc;
                    o += 3;
                    n = 0;
                    acc = 0;
                }
                p++;
            } else if (v == WHITESPACE) {
                if (c == '\n') {
                    line++;
                }
                p++;
            } else if (c == '=' && n + padding >= 2 && n + padding < 4) {
                if (padding == 0) {
                    o = flushPartial(out, o, acc, n);
                }
                padding++;
                p++;
            } else if (c == '-' && endsAtDash) {
                rawPosition = p;
                if (padding == 0) {
                    o = flushPartial(out, o, acc, n);
                }
                decodedLimit = o;
                finished = true;
                return;
            } else {
                rawPosition = p;
                throw invalid(c, p);
            }
        }
        rawPosition = p;
        decodedLimit = o;
        bits = acc;
        count = n;
    }

    /** Writes what a final group of 2 or 3 characters holds; refuses a lone character. */
    private int flushPartial(byte[] out, int o, int acc, int n) throws IOException {
        switch (n) {
            case 0 -> {
                return o;
            }
            case 2 -> {
                out[o] = (byte) (acc >> 4);
                return o + 1;
            }
            case 3 -> {
                out[o] = (byte) (acc >> 10);
                out[o + 1] = (byte) (acc >> 2);
                return o + 2;
            }
            default -> throw error("it ends with a lone character on line " + line + " (the last group of "
                    + "4 characters has only 1)");
        }
    }

    private void endOfText() throws IOException {
        if (padding == 0) {
            decodedLimit = flushPartial(decoded, decodedLimit, bits, count);
        }
        count = 0;
        finished = true;
    }

    private boolean fillRaw() throws IOException {
        rawStart += rawLimit;
        rawPosition = 0;
        rawLimit = 0;
        int n = text.readNBytes(raw, 0, raw.length);
        rawLimit = n;
        return n > 0;
    }

    private IOException invalid(int c, int p) {
        String shown = c >= 0x21 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
        String why = padding > 0 ? "data after the padding" : "unexpected character";
        return error(why + " " + shown + " at byte " + (rawStart + p) + " (line " + line + ")");
    }

    private IOException error(String why) {
        return SmimeException.badInput(what + " is not valid base64: " + why).asIoException();
    }
}
