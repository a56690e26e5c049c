package org.sealmail.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.cms.EnvelopedDataParser;
import org.sealmail.core.keys.KeyFiles;
import org.sealmail.core.mime.HeaderReader;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.mime.SmimeEnvelope;
import org.sealmail.core.testing.TestData;
import org.sealmail.core.x509.CertificateBundle;

/** Each limit can be lowered from the API, and hitting it gives a message that names it. */
class LimitsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        Limits limits = Limits.DEFAULT;
        assertEquals(64, limits.maxNestingDepth());
        assertEquals(256, limits.maxRecipients());
        assertEquals(100, limits.maxCertificates());
        assertEquals(1 << 20, limits.maxHeaderBytes());
        assertEquals(10_000, limits.maxHeaderFields());
        assertEquals(4 << 20, limits.maxCmsPartBytes());
        assertEquals(16 << 20, limits.maxKeyFileBytes());
        assertEquals(2_000_000, limits.maxIterations());
    }

    @Test
    void withChangesOneLimitAndLeavesTheOriginalAlone() {
        Limits lowered = Limits.DEFAULT.with(Limits.Limit.RECIPIENTS, 3);
        assertEquals(3, lowered.maxRecipients());
        assertEquals(64, lowered.maxNestingDepth());
        assertEquals(256, Limits.DEFAULT.maxRecipients());
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.with(Limits.Limit.HEADER_FIELDS, 0));
        for (Limits.Limit limit : Limits.Limit.values()) {
            assertEquals(limit.defaultValue(), Limits.DEFAULT.get(limit), limit.label());
        }
    }

    @Test
    void nestingDepth() {
        byte[] fiveDeep = {0x30, 0x08, 0x30, 0x06, 0x30, 0x04, 0x30, 0x02, 0x30, 0x00};
        BerReader reader = BerReader.of(fiveDeep, Limits.DEFAULT.with(Limits.Limit.NESTING_DEPTH, 3));
        SmimeException e = assertThrows(SmimeException.class,
                () -> reader.readSequence().readSequence().readSequence().readSequence());
        assertEquals("malformed ASN.1 at byte 6: nesting deeper than 3 levels (limit max-nesting-depth)", e.getMessage());
    }

    @Test
    void recipients() {
        byte[] twoRecipients = TestData.read(TestData.root().resolve("testdata/cms/openssl-two-recipients.der"));
        SmimeException e = assertThrows(SmimeException.class,
                () -> EnvelopedDataParser.parse(twoRecipients, Limits.DEFAULT.with(Limits.Limit.RECIPIENTS, 1)));
        assertEquals("more than 1 recipients in one message (limit max-recipients)", e.getMessage());
    }

    @Test
    void certificatesInABundle() {
        byte[] three = TestData.read(TestData.pki("bundle-of-3.pem"));
        SmimeException e = assertThrows(SmimeException.class,
                () -> CertificateBundle.parse(three, Instant.now(), Limits.DEFAULT.with(Limits.Limit.CERTIFICATES, 2)));
        assertEquals("3 certificates: more than 2 in one bundle (limit max-certificates)", e.getMessage());
    }

    @Test
    void headerFields() {
        byte[] message = ascii("A: 1\nB: 2\nC: 3\n\nbody\n");
        SmimeException e = assertThrows(SmimeException.class, () -> new MessageEncryptor(
                Limits.DEFAULT.with(Limits.Limit.HEADER_FIELDS, 2)).encrypt(new ByteArrayInputStream(message),
                        java.io.OutputStream.nullOutputStream(), (in, out) -> { }));
        assertEquals("header section has more than 2 fields (limit max-header-fields)", e.getMessage());
    }

    @Test
    void headerBytes() {
        SmimeException e = assertThrows(SmimeException.class, () -> HeaderReader.read(
                new ByteArrayInputStream(ascii("Subject: long enough\n\n")), Limits.DEFAULT.with(Limits.Limit.HEADER_BYTES, 10)));
        assertEquals("header section larger than 10 bytes (limit max-header-bytes)", e.getMessage());
    }

    @Test
    void cmsPartBytes() {
        byte[] twoRecipients = TestData.read(TestData.root().resolve("testdata/cms/openssl-two-recipients.der"));
        SmimeException e = assertThrows(SmimeException.class,
                () -> EnvelopedDataParser.parse(twoRecipients, Limits.DEFAULT.with(Limits.Limit.CMS_PART_BYTES, 100)));
        assertEquals("a part of the CMS object (the recipient infos) is larger than 100 bytes (limit max-cms-part-bytes)",
                e.getMessage());
    }

    @Test
    void iterations() {
        // OpenSSL wrote this key with 2,048 PBKDF2 iterations.
        byte[] key = TestData.read(TestData.pki("rsa2048-encrypted.pem"));
        SmimeException e = assertThrows(SmimeException.class, () -> KeyFiles.read(key,
                "sealmail-test".toCharArray(), Limits.DEFAULT.with(Limits.Limit.ITERATIONS, 1000)));
        assertTrue(e.getMessage().endsWith("iteration count 2048 is above 1000 (limit max-iterations)"), e.getMessage());
    }

    @Test
    void limitedReadTakesExactlyTheLimitAndRefusesOneByteMore() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 5];
        data[data.length - 1] = 7;
        assertArrayEquals(data, LimitedRead.readAll(new ByteArrayInputStream(data), data.length, "x", Limits.Limit.KEY_FILE_BYTES));
        SmimeException e = assertThrows(SmimeException.class,
                () -> LimitedRead.readAll(new ByteArrayInputStream(data), data.length - 1, "the input",
                        Limits.Limit.KEY_FILE_BYTES));
        assertEquals("the input is larger than " + (data.length - 1) + " bytes (limit max-key-file-bytes)", e.getMessage());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
