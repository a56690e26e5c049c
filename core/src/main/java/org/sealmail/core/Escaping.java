package org.sealmail.core;

/**
 * Text from a certificate, a file or a user, escaped so that an error message or a listing line
 * stays one line and cannot be confused with its own quotes.
 */
public final class Escaping {

    private Escaping() {
    }

    /** Backslash and double quote get a backslash; control characters become \xHH, line separators \\uHHHH. */
    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            out.append(escape(text.charAt(i)));
        }
        return out.toString();
    }

    public static String escape(char c) {
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
