package org.sealmail.cli.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Just enough RFC 5322 to state what sealmail should produce, written independently of
 * sealmail's mime package: CRLF form, header fields (with their folded lines), body.
 */
final class MimeText {

    /** The seven fields that describe the content and so move inside the encrypted entity. */
    static final Set<String> CONTENT_FIELDS = Set.of("content-type", "content-transfer-encoding",
            "content-id", "content-description", "content-disposition", "content-language",
            "content-location");

    private final List<String> fields;
    private final byte[] body;

    private MimeText(List<String> fields, byte[] body) {
        this.fields = fields;
        this.body = body;
    }

    /** Parses {@code message} after turning every bare LF into CRLF. */
    static MimeText parse(byte[] message) {
        byte[] crlf = toCrlf(message);
        int end = indexOf(crlf, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IllegalArgumentException("no empty line after the header");
        }
        String header = new String(crlf, 0, end + 2, StandardCharsets.ISO_8859_1);
        List<String> fields = new ArrayList<>();
        for (String line : header.split("(?<=\r\n)")) {
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            if (continuation && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + line);
            } else {
                fields.add(line);
            }
        }
        byte[] body = Arrays.copyOfRange(crlf, end + 4, crlf.length);
        return new MimeText(List.copyOf(fields), body);
    }

    /** Every header field, each with its folded lines and final CRLF, in order. */
    List<String> fields() {
        return fields;
    }

    byte[] body() {
        return body.clone();
    }

    /** The fields sealmail must move inside, in their original order. */
    List<String> contentFields() {
        return fields.stream().filter(MimeText::isContentField).toList();
    }

    /** The fields sealmail must leave outside, unchanged. */
    List<String> otherFields() {
        return fields.stream().filter(field -> !isContentField(field)).toList();
    }

    /** The field named {@code name} (any case), or null. */
    String field(String name) {
        return fields.stream().filter(field -> name(field).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    /** What the S/MIME envelope must hold: the Content-* fields, an empty line, the body. */
    byte[] expectedInnerEntity() {
        ByteArrayOutputStream entity = new ByteArrayOutputStream();
        for (String field : contentFields()) {
            entity.writeBytes(field.getBytes(StandardCharsets.ISO_8859_1));
        }
        entity.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        entity.writeBytes(body);
        return entity.toByteArray();
    }

    static boolean isContentField(String field) {
        return CONTENT_FIELDS.contains(name(field));
    }

    static String name(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Every LF not already preceded by CR becomes CRLF. */
    static byte[] toCrlf(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + text.length / 32);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(text[i]);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
