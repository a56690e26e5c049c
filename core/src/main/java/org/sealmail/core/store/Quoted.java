package org.sealmail.core.store;

import org.sealmail.core.Escaping;

/** Text from a user or a file, quoted so that an error message stays one short line. */
final class Quoted {

    private static final int MAX_CHARS = 80;

    private Quoted() {
    }

    /** {@code "text"}, with backslash and quote escaped, control characters as \xHH, cut after 80 characters. */
    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8).append('"');
        for (int i = 0; i < text.length() && i < MAX_CHARS; i++) {
            out.append(Escaping.escape(text.charAt(i)));
        }
        if (text.length() > MAX_CHARS) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
