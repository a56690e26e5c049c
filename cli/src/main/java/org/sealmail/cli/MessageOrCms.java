package org.sealmail.cli;

import java.io.BufferedInputStream;
import java.io.IOException;

/** Tells a mail message from a CMS object by its first bytes, for commands that take either. */
final class MessageOrCms {

    /** How much of a stream is looked at: whitespace before a CMS object is never longer. */
    static final int SNIFF_BYTES = 4096;

    private MessageOrCms() {
    }

    /** {@link #isMessage(byte[])} for a stream, which is left where it was. */
    static boolean isMessage(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] start = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return isMessage(start);
    }

    /** True for a message (a header section); false for DER/BER (starts 0x30) or PEM armor. */
    static boolean isMessage(byte[] input) {
        int i = 0;
        while (i < input.length && (input[i] == ' ' || input[i] == '\t' || input[i] == '\r' || input[i] == '\n')) {
            i++;
        }
        if (i < input.length && input[i] == 0x30) {
            return false;
        }
        return !startsWith(input, i, "-----BEGIN ");
    }

    private static boolean startsWith(byte[] input, int offset, String prefix) {
        if (input.length - offset < prefix.length()) {
            return false;
        }
        for (int j = 0; j < prefix.length(); j++) {
            if (input[offset + j] != prefix.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
