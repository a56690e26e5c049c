package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

class CertsCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsOneLinePerCertificate() {
        CliRun run = CliRun.of("certs", TestData.pki("bundle-of-3.pem").toString(), TestData.pki("rsa2048.der").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        String[] lines = run.stdoutText().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("subject=\"emailAddress=member1@example.org,CN=Bundle member 1\" serial="), lines[0]);
        assertTrue(lines[3].matches("subject=\"emailAddress=alice2048@example.org,CN=Alice RSA 2048\" serial=1000"
                + " key=RSA-2048 not-after=\\d{4}-\\d\\d-\\d\\d"), lines[3]);
        assertEquals("", run.stderr());
    }

    @Test
    void warningsGoToStderrAndTheCertificateIsStillListed() {
        CliRun run = CliRun.of("certs", TestData.pki("future.pem").toString());
        assertEquals(0, run.exitCode());
        assertEquals(1, run.stdoutText().split("\n").length);
        assertTrue(run.stderr().contains("warning: certificate 1 of 1 (CN=Not yet valid): not valid before 2050-01-01"),
                run.stderr());
    }

    @Test
    void aRefusedFileIsNamedAndTheOthersAreStillListed() {
        String ec = TestData.pki("ec.pem").toString();
        CliRun run = CliRun.of("certs", ec, TestData.pki("rsa3072.pem").toString());
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertEquals("sealmail certs: " + ec
                + ": certificate 1 of 1 (CN=EC P-256): EC P-256 key whose key usage does not allow key agreement\n",
                run.stderr());
        assertTrue(run.stdoutText().contains("key=RSA-3072"), run.stdoutText());
    }

    @Test
    void anEmptyFileHasNoCertificate() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pem"));
        CliRun run = CliRun.of("certs", empty.toString());
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertEquals("sealmail certs: " + empty + ": no certificate found: the input is empty\n", run.stderr());
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingItAll() throws Exception {
        Path huge = dir.resolve("huge.pem");
        try (var out = Files.newOutputStream(huge)) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 17; i++) {
                out.write(block);
            }
        }
        CliRun run = CliRun.of("certs", huge.toString());
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertTrue(run.stderr().contains("larger than 16 MiB"), run.stderr());
    }

    @Test
    void needsAFile() {
        assertEquals(ExitCode.USAGE, CliRun.of("certs").exitCode());
    }
}
