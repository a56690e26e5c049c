package org.sealmail.core.pem;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;
import org.sealmail.core.testing.TestData;

class PemReaderTest {

    private static final byte[] RSA2048_PEM = TestData.read(TestData.pki("rsa2048.pem"));
    private static final byte[] RSA2048_DER = TestData.read(TestData.pki("rsa2048.der"));
    /** "sealmail" in base64, a block small enough to write inline. */
    private static final String SMALL = "-----BEGIN THING-----\nc2VhbG1haWw=\n-----END THING-----\n";

    @Test
    void readsAnOpensslCertificateWithLfLineEndings() throws SmimeException {
        List<PemBlock> blocks = PemReader.read(RSA2048_PEM);

        assertEquals(1, blocks.size());
        assertEquals(1, blocks.get(0).number());
        assertEquals("CERTIFICATE", blocks.get(0).label());
        assertArrayEquals(RSA2048_DER, blocks.get(0).der());
    }

    @Test
    void acceptsCrlfLineEndings() throws SmimeException {
        String crlf = new String(RSA2048_PEM, US_ASCII).replace("\n", "\r\n");

        List<PemBlock> blocks = PemReader.read(crlf.getBytes(US_ASCII));

        assertArrayEquals(RSA2048_DER, blocks.get(0).der());
    }

    @Test
    void acceptsTrailingWhitespaceOnLines() throws SmimeException {
        String padded = new String(RSA2048_PEM, US_ASCII).replace("\n", " \t \r\n");

        assertArrayEquals(RSA2048_DER, PemReader.read(padded.getBytes(US_ASCII)).get(0).der());
    }

    @Test
    void acceptsBlankLinesAroundBlocksAndAFinalLineWithoutNewline() throws SmimeException {
        String text = "\n\r\n  \n" + SMALL + "\n\n" + SMALL.strip();

        List<PemBlock> blocks = PemReader.read(text.getBytes(US_ASCII));

        assertEquals(2, blocks.size());
        assertEquals("sealmail", new String(blocks.get(1).der(), US_ASCII));
    }

    @Test
    void acceptsALeadingUtf8ByteOrderMark() throws SmimeException {
        byte[] withBom = ("\uFEFF" + SMALL).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertEquals("THING", PemReader.read(withBom).get(0).label());
    }

    @Test
    void numbersBlocksInInputOrderAndKeepsLabelsAsWritten() throws SmimeException {
        String text = new String(TestData.read(TestData.pki("bundle-of-3.pem")), US_ASCII)
                + new String(TestData.read(TestData.pki("ca-crl.pem")), US_ASCII)
                + SMALL.replace("THING", "Odd Label");

        List<PemBlock> blocks = PemReader.read(text.getBytes(US_ASCII));

        assertEquals(List.of(1, 2, 3, 4, 5), blocks.stream().map(PemBlock::number).toList());
        assertEquals(List.of("CERTIFICATE", "CERTIFICATE", "CERTIFICATE", "X509 CRL", "Odd Label"),
                blocks.stream().map(PemBlock::label).toList());
    }

    @Test
    void emptyAndBlankInputsHoldNoBlocks() throws SmimeException {
        assertEquals(List.of(), PemReader.read(new byte[0]));
        assertEquals(List.of(), PemReader.read(" \n\r\n\t\n".getBytes(US_ASCII)));
    }

    @Test
    void acceptsAnEmptyBlock() throws SmimeException {
        byte[] der = PemReader.read("-----BEGIN X-----\n-----END X-----\n".getBytes(US_ASCII)).get(0).der();

        assertEquals(0, der.length);
    }

    @Test
    void refusesTextBeforeTheFirstBlock() {
        assertRefused("line 1: text outside a PEM block", "Certificate:\n" + SMALL);
    }

    @Test
    void refusesTextBetweenBlocksNamingItsLine() {
        assertRefused("line 5: text outside a PEM block", SMALL + "\nsubject=CN=Alice\n" + SMALL);
    }

    @Test
    void refusesTextAfterTheLastBlock() {
        assertRefused("line 4: text outside a PEM block", SMALL + "trailer");
    }

    @Test
    void refusesAMalformedBeginLine() {
        assertRefused("line 1: malformed BEGIN line", SMALL.replace("THING-----\nc2", "THING----\nc2"));
    }

    @Test
    void refusesAnEndLabelThatDoesNotMatchItsBegin() {
        assertRefused("block 2: END label \"OTHER\" does not match BEGIN label \"THING\"",
                SMALL + SMALL.replace("END THING", "END OTHER"));
    }

    @Test
    void refusesAMissingEndLine() {
        assertRefused("block 1: no \"-----END THING-----\" line", "-----BEGIN THING-----\nc2VhbG1haWw=\n");
    }

    @Test
    void refusesABeginBeforeTheEndOfTheOpenBlock() {
        assertRefused("block 1: no \"-----END THING-----\" line before the next BEGIN on line 3",
                "-----BEGIN THING-----\nc2VhbG1haWw=\n" + SMALL);
    }

    @Test
    void refusesAMalformedEndLine() {
        assertRefused("block 1: line 3: malformed END line", SMALL.replace("-----END THING-----", "-----END THING"));
    }

    @Test
    void refusesRfc1421ProcTypeHeader() {
        String encrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\nc2VhbG1haWw=\n"
                + "-----END RSA PRIVATE KEY-----\n";

        assertRefused("block 2: line 5: PEM header \"Proc-Type\" is not supported", SMALL + encrypted);
    }

    @Test
    void refusesRfc1421DekInfoHeader() {
        assertRefused("block 1: line 2: PEM header \"DEK-Info\" is not supported",
                "-----BEGIN X-----\nDEK-Info: DES-EDE3-CBC,0011223344556677\nc2VhbG1haWw=\n-----END X-----\n");
    }

    @Test
    void refusesABlankLineInsideABlock() {
        assertRefused("block 1: line 2: blank line inside the block", SMALL.replace("-----\nc2", "-----\n\nc2"));
    }

    @Test
    void refusesBase64WithAnIllegalCharacter() {
        assertRefused("block 1: base64 does not decode: Illegal base64 character 2e",
                SMALL.replace("c2VhbG1haWw=", "c2Vh.G1haWw="));
    }

    @Test
    void refusesBase64WithPaddingInTheMiddle() {
        SmimeException e = refused(SMALL.replace("c2VhbG1haWw=", "c2V=bG1haWw="));

        assertTrue(e.getMessage().startsWith("block 1: base64 does not decode: "), e.getMessage());
    }

    @Test
    void refusesBase64WithMissingPadding() {
        assertRefused("block 1: base64 does not decode: 11 characters, not a multiple of 4 (missing padding?)",
                SMALL.replace("c2VhbG1haWw=", "c2VhbG1haWw"));
    }

    @Test
    void keepsMessagesOnOneLineWhateverTheInputHolds() {
        SmimeException e = refused("-----BEGIN X-----\nPro\rc\u0000-Type: 4\n-----END X-----\n");

        assertEquals("block 1: line 2: PEM header \"Pro?c?-Type\" is not supported", e.getMessage());
    }

    @Test
    void looksLikePemAfterWhitespaceOrAByteOrderMark() {
        assertTrue(PemReader.looksLikePem(RSA2048_PEM));
        assertTrue(PemReader.looksLikePem((" \r\n\t\n" + SMALL).getBytes(US_ASCII)));
        assertTrue(PemReader.looksLikePem(("\u00EF\u00BB\u00BF" + SMALL).getBytes(ISO_8859_1)));
    }

    @Test
    void doesNotLookLikePemForDerTextOrEmptyInput() {
        assertFalse(PemReader.looksLikePem(RSA2048_DER));
        assertFalse(PemReader.looksLikePem(("Certificate:\n" + SMALL).getBytes(US_ASCII)));
        assertFalse(PemReader.looksLikePem("-----BEGIN".getBytes(US_ASCII)));
        assertFalse(PemReader.looksLikePem(new byte[0]));
    }

    @Test
    void beginLabelsListsLabelsEvenWhereTheArmorIsBroken() {
        String text = "junk\n  -----BEGIN PGP PUBLIC KEY BLOCK-----\nVersion: 1\n" + SMALL.replace("END", "XX");

        assertEquals(List.of("PGP PUBLIC KEY BLOCK", "THING"), PemReader.beginLabels(text.getBytes(US_ASCII)));
    }

    private static void assertRefused(String expectedMessage, String input) {
        assertEquals(expectedMessage, refused(input).getMessage());
    }

    private static SmimeException refused(String input) {
        SmimeException e = assertThrows(SmimeException.class, () -> PemReader.read(input.getBytes(ISO_8859_1)));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        return e;
    }
}
