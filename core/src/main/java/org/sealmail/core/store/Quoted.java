package org.sealmail.core.store;

/** Text from a user or a file, quoted so that an error message stays one short line. */
final class Quoted {

    private static final int MAX_CHARS = 80;

    private Quoted() {
    }

    /** {@code "text"}, with backslash and quote escaped, control characters as \xHH, cut after 80 characters. */
    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8).append('"');
        for (int i = 0; i < text.length() && i < MAX_CHARS; i++) {
            out.append(escaped(text.charAt(i)));
        }
        if (text.length() > MAX_CHARS) {
            out.append("...");
        }
        return out.append('"').toString();
    }

    static String escaped(char c) {
        if (c == '\\' || c == '"') {
            return "\\" + c;
        }
        if (Character.isISOControl(c)) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == 0x2028 || c == 0x2029) {
            return String.format("\\u%04x", (int) c);
        }
        return String.valueOf(c);
    }
}
