package org.sealmail.core.pem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.sealmail.core.SmimeException;

/**
 * Reads PEM armor strictly: only BEGIN/END blocks and blank lines, base64 that decodes exactly.
 *
 * <p>Accepted: LF or CRLF line endings, trailing spaces and tabs on any line, blank lines
 * between blocks, a leading UTF-8 byte order mark, base64 lines of any length.
 * Refused, each with a one-line {@link SmimeException.Reason#BAD_INPUT} message naming the block
 * or line: text outside blocks, a BEGIN without its END, an END whose label differs, RFC 1421
 * headers ({@code Proc-Type:}, {@code DEK-Info:}), blank lines inside a block, and base64 with
 * bad characters or bad or missing padding.
 */
public final class PemReader {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final int UTF8_BOM_LENGTH = 3;

    private PemReader() {
    }

    /** Every block of {@code input}, in order; an input of blank lines only has none. */
    public static List<PemBlock> read(byte[] input) throws SmimeException {
        List<String> lines = lines(input);
        List<PemBlock> blocks = new ArrayList<>();
        int index = 0;
        while (index < lines.size()) {
            String line = lines.get(index);
            if (line.isEmpty()) {
                index++;
                continue;
            }
            String label = labelAfter(BEGIN, line);
            if (label == null) {
                throw SmimeException.badInput("line " + (index + 1) + ": "
                        + (line.startsWith(BEGIN) ? "malformed BEGIN line" : "text outside a PEM block"));
            }
            index = readBlock(lines, index, blocks.size() + 1, label, blocks);
        }
        return blocks;
    }

    /** Whether the first bytes after any whitespace (or a UTF-8 byte order mark) are "-----BEGIN ". */
    public static boolean looksLikePem(byte[] input) {
        int at = hasUtf8Bom(input) ? UTF8_BOM_LENGTH : 0;
        while (at < input.length && isWhitespace(input[at])) {
            at++;
        }
        byte[] begin = BEGIN.getBytes(StandardCharsets.US_ASCII);
        if (input.length - at < begin.length) {
            return false;
        }
        for (int i = 0; i < begin.length; i++) {
            if (input[at + i] != begin[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The labels of all BEGIN lines, in order, without validating anything else (leading and
     * trailing whitespace ignored). Lets a caller recognise what it was given, such as a private
     * key or an OpenPGP key, even where the armor is not strict PEM.
     */
    public static List<String> beginLabels(byte[] input) {
        List<String> labels = new ArrayList<>();
        for (String line : lines(input)) {
            String stripped = line.strip();
            if (stripped.startsWith(BEGIN) && stripped.endsWith(DASHES)
                    && stripped.length() >= BEGIN.length() + DASHES.length()) {
                labels.add(stripped.substring(BEGIN.length(), stripped.length() - DASHES.length()));
            }
        }
        return labels;
    }

    /** Reads the block whose BEGIN line is at {@code beginIndex}; returns the index after its END line. */
    private static int readBlock(List<String> lines, int beginIndex, int number, String label,
            List<PemBlock> out) throws SmimeException {
        String where = "block " + number + ": ";
        StringBuilder base64 = new StringBuilder();
        int firstBlankLine = 0;
        for (int index = beginIndex + 1; index < lines.size(); index++) {
            String line = lines.get(index);
            String atLine = where + "line " + (index + 1) + ": ";
            if (line.startsWith(DASHES)) {
                String endLabel = labelAfter(END, line);
                if (endLabel == null && line.startsWith("-----BEGIN")) {
                    throw SmimeException.badInput(where + "no \"" + END + label + DASHES
                            + "\" line before the next BEGIN on line " + (index + 1));
                }
                if (endLabel == null) {
                    throw SmimeException.badInput(atLine + "malformed END line");
                }
                if (!endLabel.equals(label)) {
                    throw SmimeException.badInput(where + "END label \"" + endLabel
                            + "\" does not match BEGIN label \"" + label + "\"");
                }
                // Reported only here: blank lines before the end of a truncated input mean a missing END.
                if (firstBlankLine > 0) {
                    throw SmimeException.badInput(where + "line " + firstBlankLine + ": blank line inside the block");
                }
                out.add(new PemBlock(number, label, decode(base64, where)));
                return index + 1;
            }
            int colon = line.indexOf(':');
            if (colon >= 0) {
                throw SmimeException.badInput(atLine + "PEM header \""
                        + printable(line.substring(0, colon).strip()) + "\" is not supported");
            }
            if (line.isEmpty() && firstBlankLine == 0) {
                firstBlankLine = index + 1;
            }
            base64.append(line);
        }
        throw SmimeException.badInput(where + "no \"" + END + label + DASHES + "\" line");
    }

    private static byte[] decode(CharSequence base64, String where) throws SmimeException {
        // The JDK decoder accepts missing padding; strict PEM does not.
        if (base64.length() % 4 != 0) {
            throw SmimeException.badInput(where + "base64 does not decode: " + base64.length()
                    + " characters, not a multiple of 4 (missing padding?)");
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw SmimeException.badInput(where + "base64 does not decode: " + printable(e.getMessage()));
        }
    }

    /** The label of a well-formed "-----BEGIN X-----" (or END) line, else null. */
    private static String labelAfter(String prefix, String line) {
        if (!line.startsWith(prefix) || !line.endsWith(DASHES)
                || line.length() < prefix.length() + DASHES.length()) {
            return null;
        }
        String label = line.substring(prefix.length(), line.length() - DASHES.length());
        return PemBlock.isValidLabel(label) ? label : null;
    }

    /** Lines without their line ending or trailing spaces and tabs. ISO-8859-1 keeps bytes one to one. */
    private static List<String> lines(byte[] input) {
        int start = hasUtf8Bom(input) ? UTF8_BOM_LENGTH : 0;
        String text = new String(input, start, input.length - start, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int end = line.length();
            while (end > 0 && isTrailingSpace(line.charAt(end - 1))) {
                end--;
            }
            lines.add(line.substring(0, end));
        }
        return lines;
    }

    private static boolean hasUtf8Bom(byte[] input) {
        return input.length >= UTF8_BOM_LENGTH
                && input[0] == (byte) 0xEF && input[1] == (byte) 0xBB && input[2] == (byte) 0xBF;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean isTrailingSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** Keeps messages on one line whatever bytes the input held. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 80));
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
