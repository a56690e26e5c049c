package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sealmail.core.mime.Mail.bytes;
import static org.sealmail.core.mime.Mail.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LfToCrlfInputStreamTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\\nb          | a\\r\\nb",
        "a\\r\\nb        | a\\r\\nb",
        "a\\rb          | a\\rb",
        "\\n\\n          | \\r\\n\\r\\n",
        "\\r\\r\\n       | \\r\\r\\n",
        "\\n\\r          | \\r\\n\\r",
        "end\\r         | end\\r",
        "no newline    | no newline",
    })
    void turnsBareLfIntoCrlfAndLeavesTheRest(String input, String expected) throws Exception {
        byte[] in = bytes(unescape(input));

        assertEquals(unescape(expected), text(new LfToCrlfInputStream(new ByteArrayInputStream(in)).readAllBytes()));
    }

    @Test
    void aCrlfSplitAcrossTwoReadsOfTheSourceIsNotDoubled() throws Exception {
        InputStream source = Mail.oneByteAtATime(bytes("a\r\nb\r\n\r\nc\nd\r"));

        byte[] out = new LfToCrlfInputStream(source).readAllBytes();

        assertEquals("a\r\nb\r\n\r\nc\r\nd\r", text(out));
    }

    @Test
    void aCrAtTheEndOfTheInternalBufferIsRememberedForTheNextFill() throws Exception {
        int block = LfToCrlfInputStream.BUFFER_SIZE;
        byte[] in = new byte[block + 3];
        Arrays.fill(in, (byte) 'x');
        in[block - 1] = '\r';
        in[block] = '\n';
        in[block + 2] = '\n';

        byte[] out = new LfToCrlfInputStream(new ByteArrayInputStream(in)).readAllBytes();

        assertEquals(in.length + 1, out.length);
        assertEquals("\r\nx\r\n", text(Arrays.copyOfRange(out, block - 1, out.length)));
        assertEquals(out.length, LfToCrlfInputStream.canonicalLength(new ByteArrayInputStream(in)));
    }

    @Test
    void aLoneCrAtTheEndOfABlockStaysAloneAndTheLfAfterTheNextByteIsMadeCrlf() throws Exception {
        int block = LfToCrlfInputStream.BUFFER_SIZE;
        byte[] in = new byte[block + 2];
        Arrays.fill(in, (byte) 'x');
        in[block - 1] = '\r';
        in[block + 1] = '\n';

        byte[] out = new LfToCrlfInputStream(new ByteArrayInputStream(in)).readAllBytes();

        assertEquals("\rx\r\n", text(Arrays.copyOfRange(out, block - 1, out.length)));
        assertEquals(in.length + 1, LfToCrlfInputStream.canonicalLength(new ByteArrayInputStream(in)));
    }

    @Test
    void anLfAtTheStartOfABlockAfterAnyOtherByteIsMadeCrlf() throws Exception {
        int block = LfToCrlfInputStream.BUFFER_SIZE;
        byte[] in = new byte[block + 1];
        Arrays.fill(in, (byte) 'x');
        in[block] = '\n';

        byte[] out = new LfToCrlfInputStream(new ByteArrayInputStream(in)).readAllBytes();

        assertEquals("x\r\n", text(Arrays.copyOfRange(out, block - 1, out.length)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, LfToCrlfInputStream.BUFFER_SIZE - 1, LfToCrlfInputStream.BUFFER_SIZE,
        LfToCrlfInputStream.BUFFER_SIZE + 1, 3 * LfToCrlfInputStream.BUFFER_SIZE + 7})
    void aFileOfOnlyLfsDoublesWhateverTheReadSize(int size) throws Exception {
        byte[] in = new byte[size];
        Arrays.fill(in, (byte) '\n');
        byte[] expected = new byte[2 * size];
        for (int i = 0; i < expected.length; i += 2) {
            expected[i] = '\r';
            expected[i + 1] = '\n';
        }

        for (int readSize : new int[] {1, 2, 3, 4096, LfToCrlfInputStream.BUFFER_SIZE + 1, 4 * size}) {
            assertArrayEquals(expected, readAll(new LfToCrlfInputStream(new ByteArrayInputStream(in)), readSize),
                    "reads of " + readSize);
        }
        assertEquals(expected.length, LfToCrlfInputStream.canonicalLength(new ByteArrayInputStream(in)));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        LfToCrlfInputStream.writeCanonical(in, written);
        assertArrayEquals(expected, written.toByteArray());
    }

    @Test
    void anInjectedCrlfSplitAcrossTwoCallerReadsKeepsItsLf() throws Exception {
        InputStream in = new LfToCrlfInputStream(new ByteArrayInputStream(bytes("a\nb")));
        byte[] two = new byte[2];

        assertEquals(2, in.read(two, 0, 2));
        assertEquals("a\r", text(two));
        assertEquals(2, in.read(two, 0, 2));
        assertEquals("\nb", text(two));
        assertEquals(-1, in.read(two, 0, 2));
    }

    @Test
    void singleByteReadsGiveTheSameBytes() throws Exception {
        InputStream in = new LfToCrlfInputStream(new ByteArrayInputStream(bytes("\na\r\n")));
        StringBuilder out = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            out.append((char) b);
        }

        assertEquals("\r\na\r\n", out.toString());
    }

    @Test
    void highBytesComeOutUnsignedFromSingleByteReads() throws Exception {
        InputStream in = new LfToCrlfInputStream(new ByteArrayInputStream(new byte[] {(byte) 0xFF}));

        assertEquals(0xFF, in.read());
        assertEquals(-1, in.read());
    }

    @Test
    void matchesASimpleReferenceForRandomInputAndRandomReadSizes() throws Exception {
        Random random = new Random(20261204);
        byte[] alphabet = bytes("\r\n\nab");
        for (int round = 0; round < 300; round++) {
            byte[] input = new byte[random.nextInt(40_000)];
            for (int i = 0; i < input.length; i++) {
                input[i] = alphabet[random.nextInt(alphabet.length)];
            }
            InputStream source = round % 2 == 0 ? new ByteArrayInputStream(input) : choppy(input, random);
            InputStream in = new LfToCrlfInputStream(source);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 + random.nextInt(7)];
            int n;
            while ((n = in.read(chunk, 0, 1 + random.nextInt(chunk.length))) != -1) {
                out.write(chunk, 0, n);
            }

            assertArrayEquals(reference(input), out.toByteArray(), "round " + round);
        }
    }

    @Test
    void matchesTheReferenceAcrossBlocksWithLargeReadsAndCountsTheSame() throws Exception {
        Random random = new Random(6);
        byte[] alphabet = bytes("\r\nabcdefgh");
        for (int round = 0; round < 20; round++) {
            byte[] input = new byte[random.nextInt(4 * LfToCrlfInputStream.BUFFER_SIZE)];
            for (int i = 0; i < input.length; i++) {
                input[i] = alphabet[random.nextInt(alphabet.length)];
            }
            byte[] expected = reference(input);
            InputStream source = round % 2 == 0 ? new ByteArrayInputStream(input) : choppy(input, random);

            byte[] out = readAll(new LfToCrlfInputStream(source), 1 + random.nextInt(3 * LfToCrlfInputStream.BUFFER_SIZE));

            assertArrayEquals(expected, out, "round " + round);
            InputStream again = round % 2 == 0 ? choppy(input, random) : new ByteArrayInputStream(input);
            assertEquals(expected.length, LfToCrlfInputStream.canonicalLength(again), "round " + round);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            LfToCrlfInputStream.writeCanonical(input, written);
            assertArrayEquals(expected, written.toByteArray(), "round " + round);
        }
    }

    @Test
    void findsTheFirstLfOfAnyRangeAmongBytesThatDifferFromItByOneBit() {
        Random random = new Random(10);
        // 0x0b and 0x8a are one bit from LF; 0x00 and 0x01 next to it are what word-wise scans get wrong.
        byte[] alphabet = {'\n', 0x0b, (byte) 0x8a, 0x08, 0x00, 0x01, (byte) 0xff, 'a'};
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : alphabet[1 + random.nextInt(7)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < to && expected < 0; i++) {
                expected = bytes[i] == '\n' ? i : -1;
            }

            assertEquals(expected, LfToCrlfInputStream.indexOfLf(bytes, from, to), "round " + round);
        }
    }

    private static byte[] readAll(InputStream in, int readSize) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[readSize];
        int n;
        while ((n = in.read(chunk, 0, readSize)) != -1) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** The rule, written the obvious whole-array way. */
    private static byte[] reference(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n' && (i == 0 || input[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(input[i]);
        }
        return out.toByteArray();
    }

    /** A source that returns short reads of random lengths. */
    private static InputStream choppy(byte[] data, Random random) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(5)));
            }
        };
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
