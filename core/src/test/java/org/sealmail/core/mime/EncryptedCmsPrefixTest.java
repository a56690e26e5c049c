package org.sealmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.mime.Mail.bytes;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptedCmsPrefixTest {

    private static final String ENVELOPED_DATA_OID = "06092a864886f70d010703";
    private static final String AUTH_ENVELOPED_DATA_OID = "060b2a864886f70d0109100117";

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "3080" + ENVELOPED_DATA_OID + "a080",
        "3080" + ENVELOPED_DATA_OID,
        "30820389" + ENVELOPED_DATA_OID + "a082037a",
        "3081c8" + ENVELOPED_DATA_OID,
        "307f" + ENVELOPED_DATA_OID,
        "3080" + AUTH_ENVELOPED_DATA_OID + "a080",
        "30820397" + AUTH_ENVELOPED_DATA_OID,
        "30880000000000000400" + ENVELOPED_DATA_OID,
    })
    void recognisesTheStartOfAnEncryptedContentInfo(String ber) {
        assertTrue(EncryptedCmsPrefix.isEncryptedContentInfoStart(hex(ber)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "30",
        "3080",
        "3080060960864886f70d0107",
        "3080" + "06092a864886f70d010702",
        "3080" + "06092a864886f70d010701",
        "3080" + "06092a864886f70d010709",
        "3080" + "060b2a864886f70d0109100102",
        "3080" + "060a2a864886f70d01070300",
        "3180" + ENVELOPED_DATA_OID,
        "a080" + ENVELOPED_DATA_OID,
        "3080" + "020100" + ENVELOPED_DATA_OID,
        "3089000000000000000400" + ENVELOPED_DATA_OID,
        "308400000400",
        ENVELOPED_DATA_OID,
    })
    void refusesAnythingElse(String ber) {
        assertFalse(EncryptedCmsPrefix.isEncryptedContentInfoStart(hex(ber)));
    }

    @Test
    void decodesOnlyCompleteGroupsSkippingLineBreaksAndSpaces() {
        assertArrayEquals(hex("308006090609"), EncryptedCmsPrefix.decodeBase64Start(bytes("\r\n MIAG\r\nCQ\tYJ\nBg")));
    }

    @Test
    void stopsAtTheFirstCharacterThatIsNeitherBase64NorWhitespace() {
        assertArrayEquals(hex("308006"), EncryptedCmsPrefix.decodeBase64Start(bytes("MIAG*CSqGSIb3DQEHA6CA")));
    }

    @Test
    void decodesAtMostTheFirstSixtyFourBase64Characters() {
        byte[] decoded = EncryptedCmsPrefix.decodeBase64Start(bytes("QUFB".repeat(100)));

        assertArrayEquals(bytes("A".repeat(48)), decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MI==AGCS", "The launch codes are 1234", "===="})
    void malformedBase64DecodesToNothing(String text) {
        byte[] decoded = EncryptedCmsPrefix.decodeBase64Start(bytes(text));

        assertFalse(EncryptedCmsPrefix.isEncryptedContentInfoStart(decoded), Arrays.toString(decoded));
    }

    @Test
    void readsBase64WithALineBreakInsideTheFirstGroups() {
        assertTrue(EncryptedCmsPrefix.startsEncryptedContentInfo(bytes("MIA\r\nGCS\nqGSIb3DQE\r\n  HA6CAMIACAQA=\r\n"), true));
    }

    @Test
    void readsRawBytesWhenTheBodyIsNotBase64() {
        byte[] der = hex("3080" + ENVELOPED_DATA_OID + "a080ff00");

        assertTrue(EncryptedCmsPrefix.startsEncryptedContentInfo(der, false));
        assertFalse(EncryptedCmsPrefix.startsEncryptedContentInfo(der, true));
        assertFalse(EncryptedCmsPrefix.startsEncryptedContentInfo(bytes("MIAGCSqGSIb3DQEHA6CAMIACAQA="), false));
    }
}
