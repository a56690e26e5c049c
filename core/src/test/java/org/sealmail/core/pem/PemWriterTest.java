package org.sealmail.core.pem;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;
import org.sealmail.core.testing.TestData;

class PemWriterTest {

    @Test
    void writesACertificateByteForByteAsOpensslDid() {
        byte[] der = TestData.read(TestData.pki("rsa2048.der"));
        String opensslPem = new String(TestData.read(TestData.pki("rsa2048.pem")), US_ASCII);

        assertEquals(opensslPem, PemWriter.write("CERTIFICATE", der));
    }

    @Test
    void writesFullLinesOf64CharactersAndEndsEachLineWithLf() {
        String pem = PemWriter.write("X", new byte[48 * 2 + 1]);

        List<String> lines = pem.lines().toList();
        assertEquals(List.of(64, 64, 4), lines.subList(1, 4).stream().map(String::length).toList());
        assertEquals("-----END X-----", lines.get(4));
        assertTrue(pem.endsWith("-----\n") && !pem.contains("\r"));
    }

    @Test
    void writesNoBase64LineForEmptyContent() {
        assertEquals("-----BEGIN X-----\n-----END X-----\n", PemWriter.write("X", new byte[0]));
    }

    @Test
    void roundTripsThroughTheReaderForEveryLengthUpTo200() throws SmimeException {
        Random random = new Random(42);
        for (int length = 0; length <= 200; length++) {
            byte[] der = new byte[length];
            random.nextBytes(der);

            List<PemBlock> read = PemReader.read(PemWriter.write("SEALMAIL TEST", der).getBytes(US_ASCII));

            assertEquals(List.of(new PemBlock(1, "SEALMAIL TEST", der)), read, "length " + length);
        }
    }

    @Test
    void refusesALabelThatCannotBeReadBack() {
        assertThrows(IllegalArgumentException.class, () -> PemWriter.write("BAD-", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> PemWriter.write("", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> PemWriter.write("TWO\nLINES", new byte[1]));
    }

    @Test
    void blocksCompareByContent() {
        assertEquals(new PemBlock(1, "X", new byte[] {1, 2}), new PemBlock(1, "X", new byte[] {1, 2}));
        assertTrue(!new PemBlock(1, "X", new byte[] {1, 2}).equals(new PemBlock(1, "X", new byte[] {1, 3})));
        assertArrayEquals(new byte[] {7}, new PemBlock(1, "X", new byte[] {7}).der());
    }
}
