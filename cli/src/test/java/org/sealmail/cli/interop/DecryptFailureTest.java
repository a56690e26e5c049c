package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.core.testing.TestData;

/**
 * Every way {@code sealmail decrypt} refuses: the exit code, exactly one line on stderr saying
 * why, nothing on stdout, and with {@code --out} no file at all (not even a temp file) in the
 * target folder.
 */
class DecryptFailureTest {

    static final int USAGE = 64;
    static final int DATA_ERROR = 65;
    static final int NO_INPUT = 66;
    static final String UNSET_VARIABLE = "SEALMAIL_TEST_SURELY_UNSET_VARIABLE";

    static final KeyFile RSA2048_PEM = KeyFile.pkcs8Pem(TestKey.RSA2048);
    static final KeyFile RSA2048_P12 = KeyFile.legacyPkcs12(TestKey.RSA2048);
    static final Path MODERN_P12 = TestData.pki("rsa2048-modern.p12");
    static final Path EXPIRED = TestData.pki("expired.pem");
    static final Path FUTURE = TestData.pki("future.pem");

    @TempDir
    static Path workDir;
    private static SealmailDecrypt sealmail;
    private static Path wrongPasswordFile;

    /** One way to fail: stdin, the options after {@code decrypt}, the exit code, a fragment of the one line. */
    record Failure(String description, Supplier<byte[]> input, Supplier<List<String>> options, int exitCode,
            String fragment) {

        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeAll
    static void setUp() {
        sealmail = new SealmailDecrypt(workDir);
        wrongPasswordFile = new ScratchFiles(workDir).write("wrong", ".txt",
                "not-the-password\n".getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Failure> failures() {
        return Stream.of(
                new Failure("no key opens an S/MIME message for the three bundle members",
                        DecryptFailureTest::smimeForBundle, () -> keys(RSA2048_P12), DATA_ERROR,
                        "none of the keys given opens this message; it is encrypted to: "),
                new Failure("no key opens a DER object for expired.pem and future.pem",
                        DecryptFailureTest::derForExpiredAndFuture, () -> der(keys(RSA2048_PEM)), DATA_ERROR,
                        "none of the keys given opens this message; it is encrypted to: "),
                new Failure("wrong password (from --password-file) for the modern PKCS#12 file",
                        DecryptFailureTest::smimeForRsa2048,
                        () -> List.of("--key", MODERN_P12.toString(), "--password-file", wrongPasswordFile.toString()),
                        DATA_ERROR, "wrong password for the PKCS#12 file"),
                new Failure("wrong password (from --password-env PATH) for the modern PKCS#12 file",
                        DecryptFailureTest::smimeForRsa2048,
                        () -> List.of("--key", MODERN_P12.toString(), "--password-env", existingVariable()),
                        DATA_ERROR, "wrong password for the PKCS#12 file"),
                new Failure("no password option for the modern PKCS#12 file",
                        DecryptFailureTest::smimeForRsa2048, () -> List.of("--key", MODERN_P12.toString()),
                        DATA_ERROR, "wrong password for the PKCS#12 file"),
                new Failure("--key file does not exist",
                        DecryptFailureTest::smimeForRsa2048,
                        () -> List.of("--key", workDir.resolve("no-such-key.p12").toString()),
                        NO_INPUT, "no-such-key.p12"),
                new Failure("--in file does not exist",
                        () -> new byte[0],
                        () -> with(keys(RSA2048_PEM), "--in", workDir.resolve("no-such-message.eml").toString()),
                        NO_INPUT, "no-such-message.eml"),
                new Failure("a plain text message is not S/MIME",
                        () -> TestData.read(TestData.message("sample.eml")), () -> keys(RSA2048_PEM), DATA_ERROR,
                        "not an S/MIME encrypted message"),
                new Failure("a multipart/signed message is not S/MIME encrypted",
                        () -> TestData.read(TestData.message("signed.eml")), () -> keys(RSA2048_PEM), DATA_ERROR,
                        "not an S/MIME encrypted message"),
                new Failure("--der given a plain text message",
                        () -> TestData.read(TestData.message("sample.eml")), () -> der(keys(RSA2048_PEM)),
                        DATA_ERROR, "malformed ASN.1"),
                new Failure("a DER object given without --der", DecryptFailureTest::derForRsa2048,
                        () -> keys(RSA2048_PEM), DATA_ERROR, "not an S/MIME message; add --der to decrypt it"),
                new Failure("--der given nothing", () -> new byte[0], () -> der(keys(RSA2048_PEM)), DATA_ERROR,
                        "empty"),
                new Failure("S/MIME cut after half its base64 lines",
                        () -> Truncation.smimeAfterHalfItsLines(smimeForRsa2048()), () -> keys(RSA2048_PEM),
                        DATA_ERROR, "malformed ASN.1"),
                new Failure("S/MIME cut inside a base64 line, after whole 4-character groups and 2 more",
                        () -> Truncation.smimeInTheSecondLine(smimeForRsa2048(), 30), () -> keys(RSA2048_PEM),
                        DATA_ERROR, "malformed ASN.1"),
                new Failure("S/MIME cut inside a base64 line, leaving a lone character",
                        () -> Truncation.smimeInTheSecondLine(smimeForRsa2048(), 29), () -> keys(RSA2048_PEM),
                        DATA_ERROR, "not valid base64"),
                new Failure("S/MIME cut right after its header",
                        () -> Truncation.smimeHeaderOnly(smimeForRsa2048()), () -> keys(RSA2048_PEM),
                        DATA_ERROR, "malformed ASN.1"),
                new Failure("DER missing its last byte",
                        () -> Truncation.dropLast(derForRsa2048(), 1), () -> der(keys(RSA2048_PEM)), DATA_ERROR,
                        "malformed ASN.1"),
                new Failure("DER cut in half",
                        () -> Truncation.dropLast(derForRsa2048(), derForRsa2048().length / 2),
                        () -> der(keys(RSA2048_PEM)), DATA_ERROR, "malformed ASN.1"),
                new Failure("BER (openssl -stream) missing its end-of-contents octets",
                        () -> Truncation.dropLast(berForRsa2048(), 10), () -> der(keys(RSA2048_PEM)), DATA_ERROR,
                        "malformed ASN.1"),
                new Failure("BER (openssl -stream) missing its last ciphertext chunk and end-of-contents octets",
                        () -> Truncation.dropLast(berForRsa2048(), 10 + 2 + 16), () -> der(keys(RSA2048_PEM)),
                        DATA_ERROR, "malformed ASN.1"),
                new Failure("BER (openssl -stream) cut inside a ciphertext chunk",
                        () -> Truncation.dropLast(berForRsa2048(), 100), () -> der(keys(RSA2048_PEM)), DATA_ERROR,
                        "malformed ASN.1"),
                new Failure("--password-env names an unset variable",
                        DecryptFailureTest::smimeForRsa2048,
                        () -> List.of("--key", MODERN_P12.toString(), "--password-env", unsetVariable()),
                        USAGE, "environment variable " + UNSET_VARIABLE + " is not set"),
                new Failure("both --password-env and --password-file",
                        DecryptFailureTest::smimeForRsa2048,
                        () -> List.of("--key", MODERN_P12.toString(), "--password-env", existingVariable(),
                                "--password-file", sealmail.passwordFile().toString()),
                        USAGE, "not both"),
                new Failure("no --key at all",
                        DecryptFailureTest::smimeForRsa2048, List::of, USAGE, "--key"),
                new Failure("a certificate given as --key",
                        DecryptFailureTest::smimeForRsa2048,
                        () -> List.of("--key", TestKey.RSA2048.certificate().toString()), DATA_ERROR,
                        "no private key found"));
    }

    @ParameterizedTest(name = "{0}: exit code, one line on stderr, nothing on stdout, no --out file")
    @MethodSource("failures")
    void refusesWithOneLineAndLeavesNoOutputFile(Failure failure) throws IOException {
        byte[] input = failure.input().get();
        List<String> options = failure.options().get();

        SealmailOutcome toStdout = SealmailCli.run(input, decrypt(options));
        Path outDir = Files.createTempDirectory(workDir, "out");
        SealmailOutcome toFile = SealmailCli.run(input,
                with(decrypt(options), "--out", outDir.resolve("decrypted.eml").toString()));

        for (SealmailOutcome outcome : List.of(toStdout, toFile)) {
            assertEquals(failure.exitCode(), outcome.exitCode(), outcome.stderr());
            assertTrue(outcome.stderrIsOneLine(), "not one line: " + outcome.stderr());
            assertTrue(outcome.stderr().startsWith("sealmail decrypt: "), outcome.stderr());
            assertTrue(outcome.stderr().contains(failure.fragment()), outcome.stderr());
            assertEquals(0, outcome.stdout().length, "output on stdout: " + outcome.stdoutText());
        }
        assertEquals(List.of(), filesIn(outDir), "left behind in the --out folder");
    }

    @Test
    void noMatchingKeyNamesEveryRecipientByIssuerAndHexSerial() {
        SealmailOutcome outcome = SealmailCli.run(derForExpiredAndFuture(),
                decrypt(der(keys(RSA2048_PEM))));

        String stderr = outcome.stderr().toLowerCase(Locale.ROOT);
        for (Path certificate : List.of(EXPIRED, FUTURE)) {
            String hex = PemFiles.certificate(certificate).getSerialNumber().toString(16);
            String decimal = PemFiles.certificate(certificate).getSerialNumber().toString(10);
            assertTrue(stderr.contains("issuer \"cn=sealmail test ca\" serial " + hex), outcome.stderr());
            assertFalse(stderr.contains(decimal), "a decimal serial: " + outcome.stderr());
        }
    }

    @Test
    void noMatchingKeyNamesEachOfThreeRecipients() {
        SealmailOutcome outcome = SealmailCli.run(smimeForBundle(), decrypt(keys(RSA2048_P12)));

        for (TestKey member : BundleInteropTest.MEMBERS) {
            String hex = PemFiles.certificate(member.certificate()).getSerialNumber().toString(16);
            assertTrue(outcome.stderr().toLowerCase(Locale.ROOT).contains("serial " + hex), outcome.stderr());
        }
    }

    @Test
    void failureLeavesAnExistingOutFileUntouched() throws IOException {
        Path out = Files.createTempDirectory(workDir, "existing").resolve("decrypted.eml");
        byte[] before = "an earlier result\r\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(out, before);

        SealmailOutcome outcome = SealmailCli.run(smimeForBundle(),
                with(decrypt(keys(RSA2048_PEM)), "--out", out.toString()));

        assertEquals(DATA_ERROR, outcome.exitCode(), outcome.stderr());
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(List.of(out), filesIn(out.getParent()));
    }

    /**
     * openssl can wrap the content key for one recipient with RSA-OAEP over MD5 ({@code -keyopt
     * rsa_oaep_md:md5}), which sealmail does not open. When that recipient is the user's own
     * certificate, the error must say so rather than claim the key does not fit.
     */
    @Test
    void oaepRecipientOfTheGivenKeyWithAnUnsupportedHashIsNamedAsUnsupported() {
        byte[] der = OpensslEncrypter.encrypt(Payload.allByteValues(), OpensslForm.DER, "-aes256",
                List.of(), "-recip", TestKey.RSA2048.certificate().toString(), "-keyopt", "rsa_padding_mode:oaep",
                "-keyopt", "rsa_oaep_md:md5", "-recip", new TestKey("rsa3072").certificate().toString());

        SealmailOutcome outcome = SealmailCli.run(der, decrypt(der(keys(RSA2048_P12))));

        assertEquals(DATA_ERROR, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().contains("encrypted to your key (issuer \"CN=sealmail Test CA\" serial 1000)"
                + " with RSAES-OAEP, which sealmail cannot open: RSAES-OAEP with hash 1.2.840.113549.2.5"
                + " is not supported"), outcome.stderr());
    }

    private static byte[] smimeForRsa2048() {
        return SealmailCli.encryptSmime(TestData.read(TestData.message("sample.eml")), TestKey.RSA2048.certificate());
    }

    private static byte[] smimeForBundle() {
        return SealmailCli.encryptSmime(TestData.read(TestData.message("sample.eml")), BundleInteropTest.BUNDLE);
    }

    private static byte[] derForRsa2048() {
        return SealmailCli.encryptDer(Payload.allByteValues(), SealmailCli.AES256, TestKey.RSA2048.certificate());
    }

    /** Certificates whose hex serials (100b, 100c) hold letters, so hex cannot pass for decimal. */
    private static byte[] derForExpiredAndFuture() {
        return SealmailCli.encryptDer(Payload.allByteValues(), SealmailCli.AES128, EXPIRED, FUTURE);
    }

    private static byte[] berForRsa2048() {
        return OpensslEncrypter.encrypt(Payload.allByteValues(), OpensslForm.DER_STREAM, "-aes256",
                List.of(TestKey.RSA2048.certificate()));
    }

    private static List<String> keys(KeyFile... keys) {
        return sealmail.keyOptions(keys);
    }

    private static List<String> der(List<String> options) {
        return with(options, "--der");
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** {@code decrypt OPTIONS...}: the arguments of one run. */
    private static List<String> decrypt(List<String> options) {
        List<String> all = new ArrayList<>(List.of("decrypt"));
        all.addAll(options);
        return all;
    }

    /** A variable every test run has; its value is not the PKCS#12 password. */
    private static String existingVariable() {
        Assumptions.assumeTrue(System.getenv("PATH") != null, "PATH is not set");
        return "PATH";
    }

    private static String unsetVariable() {
        Assumptions.assumeTrue(System.getenv(UNSET_VARIABLE) == null, UNSET_VARIABLE + " is set");
        return UNSET_VARIABLE;
    }

    private static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
