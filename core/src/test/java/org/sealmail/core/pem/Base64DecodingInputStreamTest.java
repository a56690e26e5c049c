package org.sealmail.core.pem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;

class Base64DecodingInputStreamTest {

    /** The size of the decoder's blocks of text and of decoded bytes. */
    private static final int BLOCK = 64 * 1024;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 57, 58, 59, BLOCK / 4 * 3 - 1, BLOCK / 4 * 3, BLOCK / 4 * 3 + 1, 3 * BLOCK + 5})
    void decodesMimeLinesOfEveryLengthAsTheJdkDoes(int size) throws Exception {
        byte[] data = random(size, size);
        for (String separator : new String[] {"\r\n", "\n", ""}) {
            for (int lineLength : new int[] {76, 64, 4, 1}) {
                String text = lines(Base64.getEncoder().encodeToString(data), lineLength, separator);

                assertArrayEquals(data, decode(text), "lines of " + lineLength + " separated by " + separator.length());
            }
        }
    }

    @Test
    void decodesGroupsSplitAcrossBlocksOfTextAtEveryOffset() throws Exception {
        byte[] data = random(BLOCK, 7);
        String encoded = Base64.getEncoder().encodeToString(data);
        for (int shift = 0; shift < 8; shift++) {
            // The space moves the groups against the block boundary of the text.
            String text = " ".repeat(shift) + lines(encoded, 76, "\r\n");

            assertArrayEquals(data, decode(text), "shift " + shift);
        }
    }

    @Test
    void decodesTextWithoutPaddingAndWithSpacesInsideGroups() throws Exception {
        assertArrayEquals(bytes("ab"), decode("YW I"));
        assertArrayEquals(bytes("abcdef"), decode("YW Jj\tZ GVm\r\n"));
        assertArrayEquals(bytes("a"), decode("YQ==\r\n  \r\n"));
    }

    @Test
    void givesTheSameBytesToReadsOfAnySize() throws Exception {
        byte[] data = random(3 * BLOCK, 11);
        String text = lines(Base64.getEncoder().encodeToString(data), 76, "\r\n");
        Random random = new Random(3);
        InputStream in = stream(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[2 * BLOCK];
        int n;
        while ((n = in.read(chunk, 0, 1 + random.nextInt(chunk.length))) != -1) {
            out.write(chunk, 0, n);
        }

        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void namesTheOffsetAndLineOfAStrayCharacterInsideAGroupRunOn() {
        String text = "QUJD".repeat(30) + "\r\nQUJD" + "QU*D";

        IOException e = assertThrows(IOException.class, () -> decode(text));

        assertEquals("the test text is not valid base64: unexpected character '*' at byte 128 (line 2)", message(e));
    }

    @Test
    void namesTheOffsetOfAStrayCharacterBeyondTheFirstBlock() {
        String text = "QUJD".repeat(BLOCK / 4) + "QUJD!";

        IOException e = assertThrows(IOException.class, () -> decode(text));

        assertEquals("the test text is not valid base64: unexpected character '!' at byte " + (BLOCK + 4)
                + " (line 1)", message(e));
    }

    @Test
    void refusesDataAfterThePaddingAndALoneLastCharacter() {
        assertTrue(message(assertThrows(IOException.class, () -> decode("QQ==QUJD"))).contains("data after the padding"));
        assertTrue(message(assertThrows(IOException.class, () -> decode("QUJDQ"))).contains("lone character"));
    }

    @Test
    void stopsAtADashWhenAskedAndHandsOnTheRest() throws Exception {
        Base64DecodingInputStream in = new Base64DecodingInputStream(
                new ByteArrayInputStream(bytes("QUJDREVG\n-----END X-----\n")), "the test text", true);

        assertArrayEquals(bytes("ABCDEF"), in.readAllBytes());
        assertEquals("-----END X-----\n", new String(in.rest().readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    private static byte[] decode(String text) throws IOException {
        return stream(text).readAllBytes();
    }

    private static InputStream stream(String text) {
        return new Base64DecodingInputStream(new ByteArrayInputStream(bytes(text)), "the test text", false);
    }

    private static String message(IOException e) {
        return SmimeException.fromIo("x", e).getMessage();
    }

    private static String lines(String text, int length, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += length) {
            out.append(text, i, Math.min(text.length(), i + length)).append(separator);
        }
        return out.toString();
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
