package org.sealmail.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.cli.interop.Openssl;
import org.sealmail.core.testing.TestData;

/** export-cert: what it writes is exactly OpenSSL's certificates, and nothing else. */
class ExportCertCommandTest {

    private static final String PASSWORD = "sealmail-test";
    private static final Pattern CERTIFICATE_BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----\r?\n(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
    /** What sealmail writes: CERTIFICATE blocks of 64-column base64 and nothing else, not even a blank line. */
    private static final Pattern ONLY_CERTIFICATE_BLOCKS = Pattern.compile(
            "(-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n)+");

    @TempDir
    Path dir;

    private String passwordFile(String password) throws IOException {
        return Files.writeString(dir.resolve("password.txt"), password + "\n").toString();
    }

    private static String pki(String name) {
        return TestData.pki(name).toString();
    }

    /** The DER of each CERTIFICATE block, base64 for readable failures; Bag Attributes and subject= lines are skipped. */
    private static List<String> certificates(String pem) {
        List<String> der = new ArrayList<>();
        Matcher block = CERTIFICATE_BLOCK.matcher(pem);
        while (block.find()) {
            der.add(Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(block.group(1))));
        }
        return der;
    }

    /** {@code openssl pkcs12 -in FILE -nokeys OPTIONS}, with -legacy when this OpenSSL needs it (RC2). */
    private static List<String> opensslExport(String file, String password, String... options) {
        List<String> args = new ArrayList<>(List.of("pkcs12", "-in", file, "-nokeys", "-passin", "pass:" + password));
        args.addAll(List.of(options));
        if (!Openssl.succeeds(args.toArray(new String[0]))) {
            args.add("-legacy");
        }
        List<String> der = certificates(new String(Openssl.run(args.toArray(new String[0])), US_ASCII));
        assertFalse(der.isEmpty(), "openssl exported no certificate from " + file);
        return der;
    }

    private CliRun export(String file, String password, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("export-cert", "--pkcs12", file));
        if (!password.isEmpty()) {
            args.addAll(List.of("--password-file", passwordFile(password)));
        }
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(new String[0]));
    }

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa2048-modern.p12, sealmail-test", "rsa2048-legacy.p12, ''",
            "rsa2048-legacy-rc2.p12, sealmail-test", "rsa2048-chain.p12, sealmail-test"})
    void theCertificateIsByteIdenticalToOpensslClcerts(String name, String password) throws IOException {
        CliRun run = export(pki(name), password);
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertEquals(opensslExport(pki(name), password, "-clcerts"), certificates(run.stdoutText()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa2048-modern.p12, sealmail-test", "rsa2048-legacy.p12, ''",
            "rsa2048-legacy-rc2.p12, sealmail-test", "rsa2048-chain.p12, sealmail-test"})
    void theOutputIsCertificateBlocksOnly(String name, String password) throws IOException {
        String out = export(pki(name), password, "--chain").stdoutText();
        assertFalse(out.contains("PRIVATE KEY"), out);
        assertTrue(ONLY_CERTIFICATE_BLOCKS.matcher(out).matches(), out);
    }

    @Test
    void chainAddsTheCaCertificatesInOpensslOrder() throws IOException {
        String chain = pki("rsa2048-chain.p12");
        CliRun run = export(chain, PASSWORD, "--chain");
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> exported = certificates(run.stdoutText());
        assertEquals(opensslExport(chain, PASSWORD), exported);
        assertEquals(2, exported.size());
        assertEquals(opensslExport(chain, PASSWORD, "-cacerts"), exported.subList(1, 2));
        assertEquals(certificates(Files.readString(TestData.pki("ca.pem"))), exported.subList(1, 2));
    }

    @Test
    void withoutChainTheCaCertificateIsLeftOut() throws IOException {
        CliRun run = export(pki("rsa2048-chain.p12"), PASSWORD);
        assertEquals(certificates(Files.readString(TestData.pki("rsa2048.pem"))), certificates(run.stdoutText()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa2048-modern.p12, sealmail-test", "rsa2048-legacy.p12, ''", "rsa2048-legacy-rc2.p12, sealmail-test"})
    void theWrittenFilePassesCerts(String name, String password) throws IOException {
        Path out = dir.resolve("exported.pem");
        CliRun run = export(pki(name), password, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(0, run.stdout().length);

        CliRun certs = CliRun.of("certs", out.toString());
        assertEquals(0, certs.exitCode(), certs.stderr());
        assertEquals("", certs.stderr());
        assertEquals(CliRun.of("certs", pki("rsa2048.pem")).stdoutText(), certs.stdoutText());
    }

    @Test
    void aWrongPasswordIsNamedAsSuch() throws IOException {
        CliRun run = export(pki("rsa2048-modern.p12"), "not-the-password");
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().contains("wrong password for the PKCS#12 file"), run.stderr());
        assertFalse(run.stderr().contains("--password-file"), "no hint when a password was given: " + run.stderr());
        assertEquals(0, run.stdout().length);
    }

    @Test
    void aPasswordFromAnEnvironmentVariableIsUsed() {
        // PATH is set wherever tests run (they run openssl), and is not this file's password.
        CliRun run = CliRun.of("export-cert", "--pkcs12", pki("rsa2048-modern.p12"), "--password-env", "PATH");
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertEquals("sealmail export-cert: " + pki("rsa2048-modern.p12") + ": wrong password for the PKCS#12 file\n",
                run.stderr());
    }

    @Test
    void anEmptyPasswordForAProtectedFileHintsAtThePasswordOptions() {
        CliRun run = CliRun.of("export-cert", "--pkcs12", pki("rsa2048-modern.p12"));
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().contains("wrong password for the PKCS#12 file"), run.stderr());
        assertTrue(run.stderr().contains("--password-env VAR or --password-file FILE"), run.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncated", "flipped"})
    void aDamagedFileIsOneLineAndWritesNothing(String damage) throws IOException {
        byte[] p12 = Files.readAllBytes(TestData.pki("rsa2048-modern.p12"));
        byte[] damaged;
        if (damage.equals("truncated")) {
            damaged = Arrays.copyOf(p12, p12.length / 2);
        } else {
            damaged = p12.clone();
            for (int i = damaged.length / 2; i < damaged.length / 2 + 8; i++) {
                damaged[i] ^= (byte) 0xff;
            }
        }
        Path file = Files.write(dir.resolve("damaged.p12"), damaged);
        Path out = dir.resolve("out.pem");
        CliRun run = export(file.toString(), PASSWORD, "--out", out.toString());
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().startsWith("sealmail export-cert: " + file + ": "), run.stderr());
        assertFalse(Files.exists(out));
        assertEquals(List.of(file, dir.resolve("password.txt")), filesIn(dir));
    }

    @Test
    void aMissingFileIsNoInput() {
        CliRun run = CliRun.of("export-cert", "--pkcs12", dir.resolve("absent.p12").toString());
        assertEquals(ExitCode.NO_INPUT, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().contains("no such file"), run.stderr());
    }

    @Test
    void withoutPkcs12ItIsAUsageError() {
        CliRun run = CliRun.of("export-cert", "--chain");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("--pkcs12 FILE"), run.stderr());
    }

    @Test
    void outReplacesAnOldFileWhole() throws IOException {
        Path out = Files.writeString(dir.resolve("cert.pem"), "old content that is longer than nothing\n".repeat(200));
        CliRun run = CliRun.of("export-cert", "--pkcs12", pki("rsa2048-legacy.p12"), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(Files.readString(TestData.pki("rsa2048.pem")).replace("\r\n", "\n").strip() + "\n",
                Files.readString(out));
        assertEquals(List.of(out), filesIn(dir));
    }

    @Test
    void aFailureLeavesTheOldOutFileAsItWas() throws IOException {
        Path out = Files.writeString(dir.resolve("cert.pem"), "old content\n");
        CliRun run = CliRun.of("export-cert", "--pkcs12", pki("rsa2048-modern.p12"), "--out", out.toString());
        assertEquals(ExitCode.DATA_ERROR, run.exitCode());
        assertEquals("old content\n", Files.readString(out));
        assertEquals(List.of(out), filesIn(dir));
    }

    @Test
    void anOutFileInAMissingFolderCannotBeCreated() {
        Path out = dir.resolve("no-such-folder/cert.pem");
        CliRun run = CliRun.of("export-cert", "--pkcs12", pki("rsa2048-legacy.p12"), "--out", out.toString());
        assertEquals(ExitCode.CANNOT_CREATE, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
    }

    @Test
    void aCertificateThatCannotEncryptIsExportedWithTheReason() throws IOException {
        Path p12 = dir.resolve("weak.p12");
        Openssl.run("pkcs12", "-export", "-in", pki("rsa1024.pem"), "-inkey", pki("rsa1024.key"),
                "-passout", "pass:", "-out", p12.toString());
        Path out = dir.resolve("weak.pem");
        CliRun run = CliRun.of("export-cert", "--pkcs12", p12.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().contains("RSA key of 1024 bits; at least 2048 are required"), run.stderr());
        assertEquals(certificates(Files.readString(TestData.pki("rsa1024.pem"))), certificates(Files.readString(out)));
    }

    @Test
    void anEcCertificateIsExportedWithTheReason() throws IOException {
        Path p12 = dir.resolve("ec.p12");
        Openssl.run("pkcs12", "-export", "-in", pki("ec.pem"), "-inkey", pki("ec.key"),
                "-passout", "pass:", "-out", p12.toString());
        CliRun run = CliRun.of("export-cert", "--pkcs12", p12.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("EC P-256 key whose key usage does not allow key agreement"), run.stderr());
        assertEquals(certificates(Files.readString(TestData.pki("ec.pem"))), certificates(run.stdoutText()));
    }

    @Test
    void refusesToOverwriteThePkcs12FileItself() throws IOException {
        Path p12 = dir.resolve("mine.p12");
        Files.copy(TestData.pki("rsa2048-legacy.p12"), p12);
        byte[] before = Files.readAllBytes(p12);
        CliRun run = CliRun.of("export-cert", "--pkcs12", p12.toString(), "--out", p12.toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("--out names the PKCS#12 file itself"), run.stderr());
        assertArrayEquals(before, Files.readAllBytes(p12));
    }
}
