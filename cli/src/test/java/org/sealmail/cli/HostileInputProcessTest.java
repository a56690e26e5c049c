package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ProcessBuilder.Redirect;
import org.junit.jupiter.api.Test;
import org.sealmail.core.testing.TestData;

/**
 * The known-dangerous inputs where memory is the point, through the real tool in a child JVM
 * with a 128 MiB heap: each ends in a documented exit code and one line, never an
 * out-of-memory error. The inputs are generated while the child reads them.
 */
class HostileInputProcessTest {

    private static final long HUNDRED_MIB = 100L << 20;
    private static final String SMIME_HEADER = "From: a@example.org\nMIME-Version: 1.0\n"
            + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"\n"
            + "Content-Transfer-Encoding: base64\n\n";

    @Test
    void decryptRefusesABase64LineOf100MiBAsItStreams() throws Exception {
        String key = TestData.pki("rsa2048.key").toString();
        try (ChildCli child = ChildCli.start(b -> b.redirectOutput(Redirect.DISCARD), "decrypt", "--key", key)) {
            child.feed(ChildCli.generated(SMIME_HEADER, (byte) 'A', HUNDRED_MIB, "\n"));
            // The base64 decodes to zero bytes, which are no CMS object: refused at its first byte.
            assertEquals(ExitCode.DATA_ERROR, child.exitCode(), child.stderr());
            assertTrue(child.stderr().contains("malformed ASN.1 at byte 0"), child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
        }
    }

    @Test
    void inspectRefusesABase64LineOf100MiBAsItStreams() throws Exception {
        try (ChildCli child = ChildCli.start(b -> b.redirectOutput(Redirect.DISCARD), "inspect")) {
            child.feed(ChildCli.generated(SMIME_HEADER, (byte) 'A', HUNDRED_MIB, "\n"));
            assertEquals(ExitCode.DATA_ERROR, child.exitCode(), child.stderr());
            assertTrue(child.stderr().contains("malformed ASN.1 at byte 0"), child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
        }
    }

    @Test
    void encryptStreamsABodyWithABase64LineOf100MiB() throws Exception {
        String cert = TestData.pki("rsa2048.pem").toString();
        try (ChildCli child = ChildCli.start(b -> b.redirectOutput(Redirect.DISCARD), "encrypt", "--cert", cert)) {
            child.feed(ChildCli.generated("From: a@example.org\nSubject: big\n\n", (byte) 'A', HUNDRED_MIB, "\n"));
            assertEquals(ExitCode.OK, child.exitCode(), child.stderr());
            assertEquals("", child.stderr());
        }
    }

    @Test
    void encryptRefusesOneHeaderFieldOf10MiB() throws Exception {
        String cert = TestData.pki("rsa2048.pem").toString();
        try (ChildCli child = ChildCli.start(b -> b.redirectOutput(Redirect.DISCARD), "encrypt", "--cert", cert)) {
            child.feed(ChildCli.generated("Subject: ", (byte) 'x', 10L << 20, "\n\nbody\n"));
            assertEquals(ExitCode.DATA_ERROR, child.exitCode(), child.stderr());
            assertTrue(child.stderr().contains("(limit max-header-bytes)"), child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
        }
    }

    @Test
    void certsRefusesACertificateFileWithA100MiBBase64Line(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("huge.pem");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            ChildCli.generated("-----BEGIN CERTIFICATE-----\n", (byte) 'A', HUNDRED_MIB,
                    "\n-----END CERTIFICATE-----\n").transferTo(out);
        }
        try (ChildCli child = ChildCli.start(b -> b.redirectOutput(Redirect.DISCARD), "certs", file.toString())) {
            assertEquals(ExitCode.DATA_ERROR, child.exitCode(), child.stderr());
            assertTrue(child.stderr().contains("(limit max-key-file-bytes)"), child.stderr());
        }
    }
}
