package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;

/** Hostile and broken input gives a clean bad-input error, never another exception. */
class EnvelopedDataParserTest {

    private static byte[] realMessage() throws Exception {
        return EnvelopedDataWriterTest.encrypt(
                List.of(EnvelopedDataWriterTest.certificate("bundle1"), EnvelopedDataWriterTest.certificate("bundle2")),
                ContentCipher.AES128_CBC, new byte[40]);
    }

    @Test
    void everyTruncationOfARealMessageIsBadInput() throws Exception {
        byte[] der = realMessage();
        for (int cut = 0; cut < der.length; cut++) {
            byte[] truncated = Arrays.copyOf(der, cut);
            SmimeException e = assertThrows(SmimeException.class, () -> EnvelopedDataParser.parse(truncated),
                    "cut at " + cut);
            assertEquals(SmimeException.Reason.BAD_INPUT, e.reason(), "cut at " + cut + ": " + e.getMessage());
        }
    }

    @Test
    void everySingleByteCorruptionIsRefusedOrParsedButNeverThrowsAnythingElse() throws Exception {
        byte[] der = realMessage();
        for (int i = 0; i < der.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xff}) {
                byte[] corrupt = der.clone();
                corrupt[i] ^= (byte) flip;
                try {
                    EnvelopedDataParser.parse(corrupt);
                } catch (SmimeException expected) {
                    assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
                }
            }
        }
    }

    @Test
    void trailingBytesAfterTheContentInfoAreRefused() throws Exception {
        byte[] der = realMessage();
        byte[] longer = Arrays.copyOf(der, der.length + 1);
        SmimeException e = assertThrows(SmimeException.class, () -> EnvelopedDataParser.parse(longer));
        assertTrue(e.getMessage().contains("unexpected data after the ContentInfo"), e.getMessage());
    }

    @Test
    void anotherContentTypeIsUnsupportedAndNamed() {
        byte[] signed = java.util.HexFormat.of().parseHex("3011" + "06092a864886f70d010702" + "a0043002" + "0000");
        SmimeException e = assertThrows(SmimeException.class, () -> EnvelopedDataParser.parse(signed));
        assertEquals(SmimeException.Reason.UNSUPPORTED, e.reason());
        assertEquals("the CMS object is signedData, not envelopedData; sealmail decrypts enveloped data only",
                e.getMessage());
    }
}
