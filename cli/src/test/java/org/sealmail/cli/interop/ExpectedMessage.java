package org.sealmail.cli.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What {@code sealmail decrypt} must write, worked out with {@link MimeText}, not with sealmail. */
final class ExpectedMessage {

    static final String MIME_VERSION = "MIME-Version: 1.0\r\n";

    private ExpectedMessage() {
    }

    /**
     * A message that went through {@code sealmail encrypt} and back: its other fields unchanged
     * and in order, {@code MIME-Version: 1.0} if it had none, then its Content-* fields in order,
     * the empty line and the body, all in CRLF form. (For a body declared binary sealmail keeps
     * bare LFs; the test messages have none.)
     */
    static byte[] afterRoundTrip(byte[] message) {
        MimeText text = MimeText.parse(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, text.otherFields());
        if (text.field("MIME-Version") == null) {
            write(out, List.of(MIME_VERSION));
        }
        out.writeBytes(text.expectedInnerEntity());
        return out.toByteArray();
    }

    /**
     * An S/MIME message {@code openssl cms -encrypt} made of {@code input} in text mode: openssl
     * takes the whole input as the MIME entity, canonical CRLF form, and writes only its own
     * {@code outerFields} (e.g. from -to/-from/-subject) and {@code MIME-Version: 1.0} outside.
     * sealmail gives back those outer fields (in CRLF form), then the entity.
     */
    static byte[] fromOpensslSmime(byte[] input, String... outerFields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : outerFields) {
            write(out, List.of(field + "\r\n"));
        }
        write(out, List.of(MIME_VERSION));
        out.writeBytes(MimeText.toCrlf(input));
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, List<String> fields) {
        for (String field : fields) {
            out.writeBytes(field.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Bytes shown as text in an assertion message, so a failure shows where they differ. */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
