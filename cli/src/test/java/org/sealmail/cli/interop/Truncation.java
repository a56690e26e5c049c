package org.sealmail.cli.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Damaged copies of encrypted input: cut short in the ways a broken transfer or disk cuts. */
final class Truncation {

    private Truncation() {
    }

    static byte[] dropLast(byte[] input, int count) {
        if (count <= 0 || count >= input.length) {
            throw new IllegalArgumentException("cannot drop " + count + " of " + input.length + " bytes");
        }
        return Arrays.copyOf(input, input.length - count);
    }

    /** The header and the first half of the base64 lines, each whole: valid base64, a cut CMS object. */
    static byte[] smimeAfterHalfItsLines(byte[] smime) {
        String[] lines = body(smime).split("(?<=\r\n)");
        if (lines.length < 4) {
            throw new IllegalArgumentException("too few base64 lines to cut: " + lines.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(smime));
        for (int i = 0; i < lines.length / 2; i++) {
            out.writeBytes(lines[i].getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** Cut {@code characters} characters into the second base64 line. */
    static byte[] smimeInTheSecondLine(byte[] smime, int characters) {
        int bodyStart = header(smime).length;
        int secondLine = indexOf(smime, "\r\n", bodyStart) + 2;
        return Arrays.copyOf(smime, secondLine + characters);
    }

    /** The header section and its empty line, no body. */
    static byte[] smimeHeaderOnly(byte[] smime) {
        return header(smime);
    }

    private static byte[] header(byte[] smime) {
        int end = indexOf(smime, "\r\n\r\n", 0);
        if (end < 0) {
            throw new IllegalArgumentException("no CRLF CRLF after the header");
        }
        return Arrays.copyOf(smime, end + 4);
    }

    private static String body(byte[] smime) {
        int start = header(smime).length;
        return new String(smime, start, smime.length - start, StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] haystack, String needle, int from) {
        byte[] bytes = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + bytes.length <= haystack.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
