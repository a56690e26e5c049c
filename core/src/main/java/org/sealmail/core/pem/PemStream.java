package org.sealmail.core.pem;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.sealmail.core.SmimeException;

/**
 * One PEM block read as a stream, for blocks too large to hold (a CMS object of any size): the
 * BEGIN line is checked up front, the base64 decoded as it streams, and at its end the END line
 * and that nothing but whitespace follows. Errors surface as IOExceptions carrying a bad-input
 * SmimeException ({@link SmimeException#fromIo}).
 */
public final class PemStream {

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";
    private static final int MAX_LINE = 1024;

    private PemStream() {
    }

    /**
     * The decoded content of the one block {@code in} holds (leading whitespace or a UTF-8 byte
     * order mark allowed), whose label must be one of {@code labels}.
     */
    public static InputStream open(InputStream in, Set<String> labels, String expected) throws SmimeException {
        try {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xef || b == 0xbb || b == 0xbf);
            String first = (b < 0 ? "" : String.valueOf((char) b)) + line(in);
            if (!first.startsWith(BEGIN) || !first.endsWith(DASHES) || first.length() < BEGIN.length() + DASHES.length()) {
                throw SmimeException.badInput("line 1 of the PEM input: malformed BEGIN line");
            }
            String label = first.substring(BEGIN.length(), first.length() - DASHES.length());
            if (!labels.contains(label)) {
                throw SmimeException.badInput("expected one PEM block labelled " + expected + ", found [" + label + "]");
            }
            return new Block(new Base64DecodingInputStream(in, "the PEM block", true), label);
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the input", e);
        }
    }

    /** The rest of a line without its line break, trailing spaces and tabs dropped. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (bytes.size() == MAX_LINE) {
                throw SmimeException.badInput("a PEM line longer than " + MAX_LINE + " characters").asIoException();
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.US_ASCII).stripTrailing();
    }

    /** The decoded bytes; the END line and what follows are checked when they run out. */
    private static final class Block extends FilterInputStream {
        private final Base64DecodingInputStream base64;
        private final String label;
        private boolean checked;

        Block(Base64DecodingInputStream base64, String label) {
            super(base64);
            this.base64 = base64;
            this.label = label;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b < 0 ? end() : b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            return n < 0 ? end() : n;
        }

        private int end() throws IOException {
            if (checked) {
                return -1;
            }
            InputStream rest = base64.rest();
            String end = line(rest);
            if (!end.equals("-----END " + label + DASHES)) {
                throw SmimeException.badInput(end.startsWith("-----END ")
                        ? "the PEM END line does not match BEGIN " + label
                        : "the PEM block has no END line").asIoException();
            }
            int b;
            while ((b = rest.read()) != -1) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    throw SmimeException.badInput("text after the PEM END line (expected one PEM block labelled "
                            + label + ")").asIoException();
                }
            }
            checked = true;
            return -1;
        }
    }
}
