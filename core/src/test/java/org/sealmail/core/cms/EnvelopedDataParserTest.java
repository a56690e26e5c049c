package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
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
        assertEquals("the CMS object is signedData, not envelopedData or authEnvelopedData; sealmail decrypts enveloped data only",
                e.getMessage());
    }

    @Test
    void refusesMoreRecipientsThanTheLimit() throws Exception {
        X509Certificate cert = EnvelopedDataWriterTest.certificate("bundle1");
        List<X509Certificate> many = java.util.Collections.nCopies(EnvelopedDataParser.MAX_RECIPIENTS + 1, cert);
        byte[] der = EnvelopedDataWriterTest.encrypt(many, ContentCipher.AES128_CBC, new byte[1]);
        SmimeException e = assertThrows(SmimeException.class, () -> EnvelopedDataParser.parse(der));
        assertEquals("more than 256 recipients in one message (limit max-recipients)", e.getMessage());
    }

    @Test
    void namesTenRecipientsAndCountsTheRest() throws Exception {
        X509Certificate cert = EnvelopedDataWriterTest.certificate("bundle1");
        byte[] der = EnvelopedDataWriterTest.encrypt(java.util.Collections.nCopies(12, cert),
                ContentCipher.AES128_CBC, new byte[1]);
        String described = EnvelopedDataParser.parse(der).describeRecipients();
        assertEquals(10, described.split("; issuer").length);
        assertTrue(described.endsWith("; and 2 more"), described);
    }

    @Test
    void refusesAnEncryptedKeyThatIsNotAnOctetString() throws Exception {
        byte[] der = realMessage();
        // The first recipient's encrypted key: the OCTET STRING (04 82 01 00) of 256 bytes after rsaEncryption NULL.
        int at = indexOf(der, new byte[] {0x05, 0x00, 0x04, (byte) 0x82, 0x01, 0x00}) + 2;
        byte[] forged = der.clone();
        forged[at] = (byte) 0x80;
        SmimeException e = assertThrows(SmimeException.class, () -> EnvelopedDataParser.parse(forged));
        assertTrue(e.getMessage().contains("the encrypted key is not an OCTET STRING"), e.getMessage());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
