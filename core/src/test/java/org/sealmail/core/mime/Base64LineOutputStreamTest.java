package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64LineOutputStreamTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 56, 57, 58, 114, 1000, 57 * 40})
    void writesFullLinesOf76CharactersAndEndsTheLastWithCrlf(int length) throws IOException {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        ByteArrayOutputStream target = new ByteArrayOutputStream();

        try (Base64LineOutputStream out = new Base64LineOutputStream(target)) {
            out.write(data, 0, length / 2);
            out.write(data[length / 2]);
            out.write(data, length / 2 + 1, length - length / 2 - 1);
        }

        String text = target.toString(StandardCharsets.US_ASCII);
        assertTrue(text.endsWith("\r\n"), "last line ends in CRLF");
        String[] lines = text.substring(0, text.length() - 2).split("\r\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            assertEquals(76, lines[i].length(), "line " + (i + 1));
        }
        assertTrue(lines[lines.length - 1].length() > 0 && lines[lines.length - 1].length() <= 76);
        assertFalse(text.contains("\n\n"));
        assertEquals((length + 56) / 57, lines.length);
        assertArrayEquals(data, Base64.getMimeDecoder().decode(text));
    }

    @Test
    void writesNothingForNoBytesAndLeavesTheTargetOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream target = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new Base64LineOutputStream(target).close();

        assertEquals(0, target.size());
        assertFalse(closed[0]);
    }
}
