package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
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
    void writesWhatTheJdkMimeEncoderWritesForEveryByteValueAcrossBlocks() throws IOException {
        Random random = new Random(76);
        int block = 57 * 1024;
        int growing = 57 * (16 + 32 + 64 + 128 + 256 + 512); // the first, smaller blocks of a long message
        for (int length : new int[] {57 * 16 - 1, 57 * 16, 57 * 16 + 1, 57 * 48 + 3, 57 * 19, block - 1, block,
                block + 1, block + 57, 3 * block + 20, growing - 1, growing, growing + block + 7}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            for (int i = 0; i < 256 && i < length; i++) {
                data[i] = (byte) i;
            }
            ByteArrayOutputStream target = new ByteArrayOutputStream();

            try (Base64LineOutputStream out = new Base64LineOutputStream(target)) {
                int at = 0;
                while (at < length) {
                    int n = Math.min(length - at, 1 + random.nextInt(100_000));
                    out.write(data, at, n);
                    at += n;
                }
            }

            String expected = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(data) + "\r\n";
            assertEquals(expected, target.toString(StandardCharsets.US_ASCII), "length " + length);
        }
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
