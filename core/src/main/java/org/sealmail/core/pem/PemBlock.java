package org.sealmail.core.pem;

import java.util.Arrays;
import java.util.Objects;

/**
 * One BEGIN/END block of a PEM input.
 *
 * <p>{@code der} is the block's own array, not a copy, so a caller holding key material can
 * overwrite it once done.
 *
 * @param number the block's 1-based position in the input, used in messages ("block 2: ...")
 * @param label  the label as written after BEGIN, e.g. {@code CERTIFICATE}
 * @param der    the decoded base64 content
 */
public record PemBlock(int number, String label, byte[] der) {

    public PemBlock {
        if (number < 1) {
            throw new IllegalArgumentException("block numbers start at 1: " + number);
        }
        if (!isValidLabel(label)) {
            throw new IllegalArgumentException("not a PEM label: \"" + label + "\"");
        }
        Objects.requireNonNull(der, "der");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PemBlock that
                && number == that.number
                && label.equals(that.label)
                && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, label, Arrays.hashCode(der));
    }

    @Override
    public String toString() {
        return "PemBlock[number=" + number + ", label=" + label + ", " + der.length + " bytes]";
    }

    /**
     * RFC 7468 labels: printable ASCII and spaces, not starting or ending with a space or a
     * hyphen (a trailing hyphen would make "-----BEGIN X------" ambiguous).
     */
    static boolean isValidLabel(String label) {
        if (label == null || label.isEmpty()) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c != ' ' && (c < 0x21 || c > 0x7e)) {
                return false;
            }
        }
        char first = label.charAt(0);
        char last = label.charAt(label.length() - 1);
        return first != ' ' && first != '-' && last != ' ' && last != '-';
    }
}
