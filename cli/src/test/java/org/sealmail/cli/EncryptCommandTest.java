package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/** The encrypt command as a user meets it: files, flags, errors and exit codes. */
class EncryptCommandTest {

    private static final String CERT = TestData.pki("rsa2048.pem").toString();
    private static final String SAMPLE = TestData.message("sample.eml").toString();

    @TempDir
    Path dir;

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void encryptsASampleMessageToStdout() {
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--in", SAMPLE);
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        String out = run.stdoutText();
        assertTrue(out.startsWith("Return-Path: <bob@example.net>\r\n"), out);
        assertTrue(out.contains("\r\nSubject: Quarterly numbers\r\n"));
        assertTrue(out.contains("\r\nContent-Type: application/pkcs7-mime; name=\"smime.p7m\"; smime-type=enveloped-data\r\n"));
        assertFalse(out.contains("Keep them to yourself"));
        assertFalse(out.contains("charset=utf-8"));
    }

    @Test
    void readsStdinWhenNoInputIsNamed() throws Exception {
        CliRun run = CliRun.of(Files.readAllBytes(Path.of(SAMPLE)), "encrypt", "--cert", CERT);
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdoutText().contains("smime-type=enveloped-data"));
    }

    @Test
    void derModeWritesAContentInfoOfTheRawBytes() throws Exception {
        Path input = dir.resolve("payload.bin");
        Files.write(input, new byte[] {0, 1, 2, (byte) 0xff});
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--der", "--cipher", "aes128-cbc", "--in", input.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        CMSEnvelopedData parsed = new CMSEnvelopedData(run.stdout());
        assertEquals("2.16.840.1.101.3.4.1.2", parsed.getEncryptionAlgOID());
    }

    @Test
    void writesTheOutputFileWhole() throws Exception {
        Path out = dir.resolve("sealed.eml");
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--in", SAMPLE, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(0, run.stdout().length);
        assertTrue(Files.readString(out).contains("smime-type=enveloped-data"));
        assertEquals(List.of(out), filesIn(dir));
    }

    @Test
    void aFailedRunLeavesTheOldOutputFileAndNoTempFile() throws Exception {
        Path out = dir.resolve("sealed.eml");
        Files.writeString(out, "old content");
        Path noHeader = dir.resolve("no-header.eml");
        Files.writeString(noHeader, "\r\njust a body\r\n");
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--in", noHeader.toString(), "--out", out.toString());
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertEquals("old content", Files.readString(out));
        assertEquals(List.of(noHeader, out), filesIn(dir));
    }

    @Test
    void anAlreadyEncryptedMessageIsWrittenUnchangedWithANote() throws Exception {
        Path message = TestData.message("already-smime.eml");
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--in", message.toString());
        assertEquals(0, run.exitCode());
        assertArrayEquals(Files.readAllBytes(message), run.stdout());
        assertEquals("sealmail encrypt: not encrypted: already protected: Content-Type is application/pkcs7-mime;"
                + " written unchanged\n", run.stderr());
    }

    @Test
    void anExpiredCertificateIsUsedWithAWarning() {
        CliRun run = CliRun.of("encrypt", "--cert", TestData.pki("expired.pem").toString(), "--in", SAMPLE);
        assertEquals(0, run.exitCode());
        assertTrue(run.stderr().startsWith("sealmail encrypt: "), run.stderr());
        assertTrue(run.stderr().contains("warning: certificate 1 of 1 (CN=Expired): expired on 2021-01-01"), run.stderr());
    }

    @Test
    void withoutCertIsAUsageError() {
        CliRun run = CliRun.of("encrypt", "--in", SAMPLE);
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("sealmail encrypt: give at least one --cert FILE, or --account USER (see sealmail encrypt --help)\n",
                run.stderr());
    }

    @Test
    void anUnknownCipherIsAUsageError() {
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--cipher", "des3", "--in", SAMPLE);
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("unknown cipher \"des3\"; choose one of aes128-cbc, aes256-cbc"), run.stderr());
    }

    @Test
    void aMissingCertificateFileExits66() {
        CliRun run = CliRun.of("encrypt", "--cert", dir.resolve("nope.pem").toString(), "--in", SAMPLE);
        assertEquals(ExitCode.NO_INPUT, run.exitCode());
        assertEquals("sealmail encrypt: cannot open " + dir.resolve("nope.pem") + ": no such file or directory\n",
                run.stderr());
    }

    @Test
    void aMissingInputFileExits66() {
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--in", dir.resolve("nope.eml").toString());
        assertEquals(ExitCode.NO_INPUT, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
    }

    @Test
    void anOutputInAMissingFolderExits73() {
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--in", SAMPLE,
                "--out", dir.resolve("no/such/folder/out.eml").toString());
        assertEquals(ExitCode.CANNOT_CREATE, run.exitCode());
        assertTrue(run.stderr().startsWith("sealmail encrypt: cannot create "), run.stderr());
        assertTrue(run.stderrIsOneLine());
    }

    @Test
    void aPrivateKeyGivenAsCertificateIsRefusedWithTheFileName() {
        String key = TestData.pki("rsa2048.key").toString();
        CliRun run = CliRun.of("encrypt", "--cert", key, "--in", SAMPLE);
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertEquals("sealmail encrypt: " + key
                + ": block 1 (PRIVATE KEY): private keys cannot be used as public keys; give the certificate\n",
                run.stderr());
        assertEquals(0, run.stdout().length);
    }

    @Test
    void aWeakKeyIsRefusedWithTheReason() {
        CliRun run = CliRun.of("encrypt", "--cert", TestData.pki("rsa1024.pem").toString(), "--in", SAMPLE);
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertTrue(run.stderr().contains("RSA key of 1024 bits; at least 2048 are required"), run.stderr());
    }

    @Test
    void aMessageWithoutHeaderIsBadData() {
        CliRun run = CliRun.of("just text, no header\n".getBytes(StandardCharsets.US_ASCII), "encrypt", "--cert", CERT);
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
    }

    @Test
    void aFailingStdoutIsAnIoError() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"encrypt", "--cert", CERT, "--in", SAMPLE},
                new java.io.ByteArrayInputStream(new byte[0]), new PrintStream(broken), new PrintStream(err, true));
        assertEquals(ExitCode.TEMPORARY_FAILURE, code);
        assertEquals("sealmail encrypt: cannot write standard output: write error\n", err.toString());
        assertEquals(75, code, "a mail server retries 75; it bounces 74");
    }

    @Test
    void anOutputThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.eml"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.eml"), real);
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--in", SAMPLE, "--out", link.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("smime-type=enveloped-data"));
    }

    @Test
    void aReplacedOutputFileKeepsItsPermissions() throws Exception {
        Path out = Files.writeString(dir.resolve("sealed.eml"), "old");
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        CliRun run = CliRun.of("encrypt", "--cert", CERT, "--in", SAMPLE, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aNewOutputFileIsPrivate() throws Exception {
        Path out = dir.resolve("new.eml");
        assertEquals(0, CliRun.of("encrypt", "--cert", CERT, "--in", SAMPLE, "--out", out.toString()).exitCode());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aFolderAsInputExits66AndAsOutputExits73() {
        CliRun in = CliRun.of("encrypt", "--cert", CERT, "--in", dir.toString());
        assertEquals(ExitCode.NO_INPUT, in.exitCode());
        assertEquals("sealmail encrypt: cannot open " + dir + ": is a directory\n", in.stderr());
        CliRun out = CliRun.of("encrypt", "--cert", CERT, "--in", SAMPLE, "--out", dir.toString());
        assertEquals(ExitCode.CANNOT_CREATE, out.exitCode());
        assertTrue(out.stderrIsOneLine(), out.stderr());
    }

    @Test
    void aPkcs12FileGivenAsCertificatePointsToExportCert() {
        String p12 = TestData.pki("rsa2048-legacy.p12").toString();
        CliRun run = CliRun.of("encrypt", "--cert", p12, "--in", SAMPLE);
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertEquals("sealmail encrypt: " + p12 + ": a PKCS#12 file, which holds a private key;"
                + " take its certificate with: sealmail export-cert --pkcs12 " + p12 + "\n", run.stderr());
    }
}
