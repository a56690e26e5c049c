package org.sealmail.core.pem;

import java.util.Base64;

/** Writes PEM armor the way openssl does: 64-character base64 lines, LF line endings. */
public final class PemWriter {

    private static final int LINE_LENGTH = 64;

    private PemWriter() {
    }

    /**
     * {@code "-----BEGIN label-----\n"}, the base64 of {@code der} in 64-character lines each
     * ending in LF, then {@code "-----END label-----\n"}.
     *
     * @throws IllegalArgumentException if {@code label} is not a valid PEM label
     */
    public static String write(String label, byte[] der) {
        if (!PemBlock.isValidLabel(label)) {
            throw new IllegalArgumentException("not a PEM label: \"" + label + "\"");
        }
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / LINE_LENGTH
                + 2 * label.length() + 40);
        out.append("-----BEGIN ").append(label).append("-----\n");
        for (int start = 0; start < base64.length(); start += LINE_LENGTH) {
            out.append(base64, start, Math.min(start + LINE_LENGTH, base64.length())).append('\n');
        }
        out.append("-----END ").append(label).append("-----\n");
        return out.toString();
    }
}
