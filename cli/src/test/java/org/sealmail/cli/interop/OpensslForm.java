package org.sealmail.cli.interop;

import java.util.List;

/**
 * The output forms of {@code openssl cms -encrypt}. The S/MIME forms encrypt a mail message in
 * text mode (as a mail client would: lines made CRLF); the others encrypt bytes with
 * {@code -binary}, so the content must come back unchanged.
 */
enum OpensslForm {
    SMIME("S/MIME", true),
    SMIME_STREAM("S/MIME -stream", true, "-stream"),
    DER("DER", false, "-binary", "-outform", "DER"),
    /** BER: indefinite lengths, the ciphertext in chunked OCTET STRINGs. */
    DER_STREAM("DER -stream (BER)", false, "-binary", "-outform", "DER", "-stream"),
    PEM("PEM (BEGIN CMS)", false, "-binary", "-outform", "PEM");

    private final String label;
    private final boolean smime;
    private final List<String> options;

    OpensslForm(String label, boolean smime, String... options) {
        this.label = label;
        this.smime = smime;
        this.options = List.of(options);
    }

    /** An S/MIME message, to be opened by {@code sealmail decrypt} without {@code --der}. */
    boolean isSmime() {
        return smime;
    }

    List<String> options() {
        return options;
    }

    @Override
    public String toString() {
        return label;
    }
}
