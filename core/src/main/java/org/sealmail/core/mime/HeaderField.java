package org.sealmail.core.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One header field exactly as it appeared: its bytes, with folding and line endings kept. */
public final class HeaderField {

    private final byte[] raw;
    private final String name;

    HeaderField(byte[] raw, String name) {
        this.raw = raw.clone();
        this.name = name;
    }

    /** The field name as written, e.g. {@code Content-Type}. */
    public String name() {
        return name;
    }

    /** Whether this field has the given name, compared without regard to case. */
    public boolean isNamed(String other) {
        return name.equalsIgnoreCase(other);
    }

    /**
     * The unfolded value: everything after the colon with line breaks removed and surrounding
     * whitespace trimmed. Bytes map one to one onto chars (ISO-8859-1), so nothing is lost.
     */
    public String value() {
        int colon = indexOf((byte) ':');
        StringBuilder unfolded = new StringBuilder(raw.length - colon);
        for (int i = colon + 1; i < raw.length; i++) {
            boolean lineBreak = raw[i] == '\n'
                    || (raw[i] == '\r' && (i + 1 == raw.length || raw[i + 1] == '\n'));
            if (!lineBreak) {
                unfolded.append((char) (raw[i] & 0xff));
            }
        }
        return unfolded.toString().strip();
    }

    /** The field's bytes exactly as read, continuation lines and line endings included. */
    public byte[] raw() {
        return raw.clone();
    }

    /** Writes the field exactly as read. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(raw);
    }

    /** Writes the field with every bare LF turned into CRLF, ending in CRLF even if the input did not. */
    public void writeCanonicalTo(OutputStream out) throws IOException {
        LfToCrlfInputStream.writeCanonical(raw, out);
        byte last = raw[raw.length - 1];
        if (last == '\r') {
            out.write('\n');
        } else if (last != '\n') {
            out.write(new byte[] {'\r', '\n'});
        }
    }

    @Override
    public String toString() {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeaderField && Arrays.equals(raw, ((HeaderField) other).raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    private int indexOf(byte wanted) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == wanted) {
                return i;
            }
        }
        throw new IllegalStateException("a header field without a colon");
    }
}
