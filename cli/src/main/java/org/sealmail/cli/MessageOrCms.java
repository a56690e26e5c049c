package org.sealmail.cli;

/** Tells a mail message from a CMS object by its first bytes, for commands that take either. */
final class MessageOrCms {

    private MessageOrCms() {
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
