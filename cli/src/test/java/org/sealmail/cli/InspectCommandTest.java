package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.sealmail.core.testing.TestData;

class InspectCommandTest {

    private static final String SAMPLE = TestData.message("sample.eml").toString();

    private static byte[] encrypted(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "encrypt";
        args[1] = "--cert";
        args[2] = TestData.pki("bundle-of-3.pem").toString();
        args[3] = "--in=" + SAMPLE;
        System.arraycopy(extra, 0, args, 4, extra.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.stderr());
        return run.stdout();
    }

    @Test
    void describesAnSmimeMessage() {
        CliRun run = CliRun.of(encrypted("--cipher", "aes128-cbc"), "inspect");
        assertEquals(0, run.exitCode(), run.stderr());
        String[] lines = run.stdoutText().split("\n");
        assertEquals("form: S/MIME message", lines[0]);
        assertEquals("content-type: envelopedData", lines[1]);
        assertEquals("version: 0", lines[2]);
        assertEquals("encoding: DER", lines[3]);
        assertEquals("recipient 1: kind=ktri issuer=\"CN=sealmail Test CA\" serial=1003 key-encryption=rsaEncryption",
                lines[4]);
        assertTrue(lines[6].startsWith("recipient 3: "), lines[6]);
        assertEquals("content-cipher: aes128-cbc", lines[7]);
        assertEquals("iv-length: 16", lines[8]);
        assertTrue(lines[9].matches("encrypted-size: \\d+"), lines[9]);
    }

    @Test
    void givesTheSameAsJson() {
        CliRun run = CliRun.of(encrypted("--der"), "inspect", "--json");
        assertEquals(0, run.exitCode(), run.stderr());
        String json = run.stdoutText();
        assertTrue(json.startsWith("{\"form\":\"CMS object\",\"content-type\":\"envelopedData\",\"version\":0,"
                + "\"encoding\":\"DER\",\"recipients\":[{\"kind\":\"ktri\",\"issuer\":\"CN=sealmail Test CA\","
                + "\"serial\":\"1003\",\"key-encryption\":\"rsaEncryption\"},"), json);
        assertTrue(json.endsWith("\"content-cipher\":\"aes256-cbc\",\"iv-length\":16,\"encrypted-size\":"
                + (json.replaceAll(".*\"encrypted-size\":(\\d+)}\n", "$1")) + "}\n"), json);
    }

    @Test
    void readsPemArmoredCms() {
        byte[] der = encrypted("--der");
        String pem = "-----BEGIN CMS-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CMS-----\n";
        CliRun run = CliRun.of(pem.getBytes(StandardCharsets.US_ASCII), "inspect");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdoutText().contains("content-type: envelopedData"));
    }

    @Test
    void namesOtherContentTypesWithoutFailing() {
        // ContentInfo { id-signedData, [0] { SEQUENCE {} } }
        byte[] signed = java.util.HexFormat.of().parseHex("3011" + "06092a864886f70d010702" + "a0043002" + "0000");
        CliRun run = CliRun.of(signed, "inspect");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("form: CMS object\ncontent-type: signedData\n", run.stdoutText());
    }

    @Test
    void aPlainMessageIsBadData() {
        CliRun run = CliRun.of("inspect", "--in", SAMPLE);
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertEquals("sealmail inspect: not an S/MIME encrypted message: its Content-Type is text/plain,"
                + " not application/pkcs7-mime\n", run.stderr());
    }

    @Test
    void garbageIsBadDataWithAnOffset() {
        CliRun run = CliRun.of(new byte[] {0x30, (byte) 0x84, 0x7f, 0, 0, 0}, "inspect");
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        // Read as a stream, the cut is seen where the data ends.
        assertEquals("sealmail inspect: malformed ASN.1 at byte 0: declared length 2130706432 but the data ends at byte 6\n",
                run.stderr());
    }
}
