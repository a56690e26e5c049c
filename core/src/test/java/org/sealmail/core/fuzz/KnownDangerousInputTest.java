package org.sealmail.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.mime.HeaderReader;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.mime.Outcome;
import org.sealmail.core.x509.CertificateNames;
import java.math.BigInteger;

/**
 * The inputs that broke other ASN.1, CMS and MIME parsers, each fed to every target that could
 * meet it: it must be refused (or read) quickly, with sealmail's own error. Made on the fly; the
 * ones where memory is the point run again in a child JVM under -Xmx128m (cli HostileInputProcessTest).
 */
class KnownDangerousInputTest {

    private static final List<FuzzTarget> BINARY_TARGETS = List.of(FuzzTargets.cms(), FuzzTargets.certificates(),
            FuzzTargets.privateKeys(), FuzzTargets.smimeMessage());

    @Test
    void nesting100000DeepWithDefiniteLengths() {
        refusedByEveryTarget(Hostile.nestedDefinite(100_000));
    }

    @Test
    void nesting100000DeepWithIndefiniteLengths() {
        refusedByEveryTarget(Hostile.nestedIndefinite(100_000));
    }

    @Test
    void lengthOf2To63Minus1() {
        byte[] input = {0x30, (byte) 0x88, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x00};
        refusedByEveryTarget(input);
    }

    @Test
    void fourByteInputClaimingTwoGiB() {
        // The length field itself cut short, and complete: 0x80000000 bytes announced, none there.
        refusedByEveryTarget(new byte[] {0x30, (byte) 0x84, (byte) 0x80, 0x00});
        refusedByEveryTarget(new byte[] {0x30, (byte) 0x84, (byte) 0x80, 0x00, 0x00, 0x00});
        refusedByEveryTarget(new byte[] {0x04, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    }

    @Test
    void indefiniteOctetStringOfOneMillionEmptyChunks() throws Exception {
        ByteArrayOutputStream string = new ByteArrayOutputStream();
        string.write(new byte[] {0x24, (byte) 0x80});
        for (int i = 0; i < 1_000_000; i++) {
            string.write(new byte[] {0x04, 0x00});
        }
        string.write(new byte[] {0x00, 0x00});
        assertEquals(0, BerReader.of(string.toByteArray()).readOctetString().length);
        // The same string as the encrypted content of a real message: read, then refused as too short.
        byte[] cms = Hostile.withEncryptedContent(string.toByteArray());
        new Fuzzer(FuzzTargets.cms()).check(cms, "one million empty chunks", new Fuzzer.Tally());
        assertThrows(SmimeException.class, () -> FuzzTargets.cms().run(cms));
    }

    @Test
    void oidWithA10000DigitArc() {
        byte[] oid = Hostile.oidWithHugeArc(10_000);
        refusedByEveryTarget(Hostile.sequence(oid));
        refusedByEveryTarget(Hostile.certificateWithExtensionOid(oid));
    }

    @Test
    void integerOfOneMiBAsACertificateSerial() {
        byte[] certificate = Hostile.certificateWithSerial(1 << 20);
        check(FuzzTargets.certificates(), certificate);
    }

    @Test
    void integerOfOneMiBAsASerialIsPrintedInLinearTime() {
        // inspect, certs and the no-matching-key message print serials; BigInteger.toString took ~2 s here.
        byte[] magnitude = new byte[1 << 20];
        java.util.Arrays.fill(magnitude, (byte) 0x5a);
        FuzzTarget print = FuzzTarget.of("serial", input -> {
            String hex = CertificateNames.serialHex(new BigInteger(1, input));
            assertEquals(2 * input.length, hex.length());
        });
        check(print, magnitude);
        assertEquals("00", CertificateNames.serialHex(BigInteger.ZERO));
        assertEquals("80", CertificateNames.serialHex(BigInteger.valueOf(0x80)));
        assertEquals("0100", CertificateNames.serialHex(BigInteger.valueOf(0x100)));
        assertEquals("-1003", CertificateNames.serialHex(BigInteger.valueOf(-0x1003)));
    }

    @Test
    void hugeIntegersInErrorsAreNamedBySizeNotPrinted() {
        byte[] huge = new byte[100_000];
        huge[0] = 0x12;
        BerTree.Node integer = new BerTree.Node();
        integer.tag = 0x02;
        integer.content = huge;
        SmimeException e = assertThrows(SmimeException.class,
                () -> BerReader.of(BerTree.encode(integer)).readSmallInteger());
        assertEquals("malformed ASN.1 at byte 0: INTEGER too large: of 799997 bits", e.getMessage());
    }

    @Test
    void oneHeaderFieldOf10MiB() {
        byte[] message = Hostile.message("Subject: " + "x".repeat(10 << 20) + "\n", "body\n");
        SmimeException e = assertThrows(SmimeException.class, () -> encrypt(message));
        assertEquals("header section larger than 1 MiB (limit max-header-bytes)", e.getMessage());
        refusedBy(FuzzTargets.smimeMessage(), message);
    }

    @Test
    void hundredThousandHeaderFields() {
        byte[] message = Hostile.message("X: y\n".repeat(100_000), "body\n");
        SmimeException e = assertThrows(SmimeException.class, () -> encrypt(message));
        assertEquals("header section has more than 10000 fields (limit max-header-fields)", e.getMessage());
        refusedBy(FuzzTargets.smimeMessage(), message);
    }

    @Test
    void aMessageThatIsOnlyAHeaderSectionIsEncryptedNotLost() throws Exception {
        byte[] message = "From: a@example.org\nSubject: no body, no empty line\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Outcome outcome = new MessageEncryptor().encrypt(new ByteArrayInputStream(message), out, (entity, der) -> {
            try {
                entity.transferTo(der);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(outcome.toString().contains("ENCRYPTED"), outcome.toString());
        assertTrue(out.toString(StandardCharsets.US_ASCII).startsWith("From: a@example.org\r\nSubject: no body"));
        refusedBy(FuzzTargets.smimeMessage(), message);
    }

    @Test
    void nulAndEightBitBytesInHeaderNames() {
        for (String name : List.of("Sub\0ject", "Subj\u00e9ct", "\0", "X-\u00ff")) {
            for (String before : List.of("", "From: a@example.org\n")) {
                byte[] message = (before + name + ": x\nTo: b@example.org\n\nbody\n").getBytes(StandardCharsets.ISO_8859_1);
                SmimeException e = assertThrows(SmimeException.class, () -> encrypt(message));
                assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
                assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.getMessage());
                refusedBy(FuzzTargets.smimeMessage(), message);
            }
        }
    }

    @Test
    void headerReaderStopsAtItsLimitOnAnEndlessLine() {
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThrows(SmimeException.class, () -> HeaderReader.read(endless));
    }

    private static Outcome encrypt(byte[] message) throws SmimeException {
        return new MessageEncryptor().encrypt(new ByteArrayInputStream(message), OutputStream.nullOutputStream(),
                (entity, der) -> { });
    }

    private static void refusedByEveryTarget(byte[] input) {
        for (FuzzTarget target : BINARY_TARGETS) {
            refusedBy(target, input);
        }
        refusedBy(FuzzTargets.headerSplit(), input);
    }

    /** Refused with sealmail's own error, within the fuzzer's time limit. */
    private static void refusedBy(FuzzTarget target, byte[] input) {
        Fuzzer.Tally tally = new Fuzzer.Tally();
        new Fuzzer(target).check(input, "known dangerous input", tally);
        assertEquals(1, tally.refused(), target.name() + " accepted it");
    }

    private static void check(FuzzTarget target, byte[] input) {
        new Fuzzer(target).check(input, "known dangerous input", new Fuzzer.Tally());
    }
}
