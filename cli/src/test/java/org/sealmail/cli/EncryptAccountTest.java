package org.sealmail.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/** encrypt --account: the stored certificates and cipher are used, and a broken store means "retry". */
class EncryptAccountTest {

    private static final Path SAMPLE = TestData.message("sample.eml");
    private static final Pattern RECIPIENT_SERIAL = Pattern.compile("(?m)^recipient \\d+: kind=ktri .* serial=(\\w+) ");

    @TempDir
    Path dir;

    private String store;

    @BeforeEach
    void aStoreWithAliceAndCarol() {
        store = dir.resolve("store").toString();
        accountSet("alice", "--cert", TestData.pki("rsa2048.pem").toString());
        accountSet("carol", "--cert", TestData.pki("bundle-of-3.pem").toString(), "--cipher", "aes128-cbc");
    }

    private void accountSet(String user, String... options) {
        List<String> args = new ArrayList<>(List.of("account", "set", user, "--store", store));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, run.exitCode(), run.stderr());
    }

    private CliRun encrypt(String user, String... more) {
        List<String> args = new ArrayList<>(List.of("encrypt", "--account", user, "--store", store,
                "--in", SAMPLE.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    private byte[] decrypt(byte[] message, String keyFile) throws IOException {
        Path in = Files.write(dir.resolve("sealed.eml"), message);
        CliRun run = CliRun.of("decrypt", "--key", TestData.pki(keyFile).toString(), "--in", in.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        return run.stdout();
    }

    private String inspect(byte[] message) {
        CliRun run = CliRun.of(message, "inspect");
        assertEquals(0, run.exitCode(), run.stderr());
        return run.stdoutText();
    }

    private static List<String> serialsOf(String pemFile) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(TestData.pki(pemFile))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> ((X509Certificate) c).getSerialNumber().toString(16))
                    .sorted().toList();
        }
    }

    private static List<String> recipientSerials(String inspected) {
        Matcher serial = RECIPIENT_SERIAL.matcher(inspected);
        List<String> serials = new ArrayList<>();
        while (serial.find()) {
            serials.add(serial.group(1).toLowerCase(Locale.ROOT));
        }
        return serials.stream().sorted().toList();
    }

    @Test
    void theStoredCertificateAndCipherAreUsed() throws Exception {
        CliRun run = encrypt("alice");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertTrue(run.stdoutText().contains("smime-type=enveloped-data"), run.stdoutText());

        String inspected = inspect(run.stdout());
        assertTrue(inspected.contains("\ncontent-cipher: aes256-cbc\n"), inspected);
        assertEquals(serialsOf("rsa2048.pem"), recipientSerials(inspected));
        assertArrayEquals(Files.readAllBytes(SAMPLE), decrypt(run.stdout(), "rsa2048-legacy.p12"));
    }

    @Test
    void everyStoredCertificateIsARecipient() throws Exception {
        CliRun run = encrypt("Carol");
        assertEquals(0, run.exitCode(), run.stderr());

        String inspected = inspect(run.stdout());
        assertTrue(inspected.contains("\ncontent-cipher: aes128-cbc\n"), inspected);
        assertEquals(serialsOf("bundle-of-3.pem"), recipientSerials(inspected));
        assertEquals(3, recipientSerials(inspected).size());
        for (String key : List.of("bundle1-legacy.p12", "bundle2-legacy.p12", "bundle3-legacy.p12")) {
            assertArrayEquals(Files.readAllBytes(SAMPLE), decrypt(run.stdout(), key), key);
        }
    }

    @Test
    void withEncryptionOffTheMessagePassesUnchanged() throws IOException {
        assertEquals(0, CliRun.of("account", "disable", "alice", "--store", store).exitCode());
        CliRun off = encrypt("alice");
        assertEquals(0, off.exitCode(), off.stderr());
        assertArrayEquals(Files.readAllBytes(SAMPLE), off.stdout());
        assertEquals("sealmail encrypt: encryption is off for alice; written unchanged\n", off.stderr());

        assertEquals(0, CliRun.of("account", "enable", "alice", "--store", store).exitCode());
        CliRun on = encrypt("alice");
        assertEquals("", on.stderr());
        assertTrue(on.stdoutText().contains("smime-type=enveloped-data"), on.stdoutText());
    }

    @Test
    void anUnknownAccountIsNoSuchUser() {
        CliRun run = encrypt("nobody");
        assertEquals(ExitCode.NO_SUCH_USER, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().startsWith("sealmail encrypt: no account nobody"), run.stderr());
        assertEquals(0, run.stdout().length);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"../x", "a/b", "", "two@at@signs"})
    void anInvalidNameIsNoSuchUser(String name) {
        CliRun run = encrypt(name);
        assertEquals(ExitCode.NO_SUCH_USER, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().startsWith("sealmail encrypt: account name "), run.stderr());
        assertEquals(0, run.stdout().length);
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"garbage\n", "account: dave\nencryption: on\ncipher: des-cbc\n\n",
            "account: dave\nencryption: on\ncipher: aes256-cbc\n\n", "\u0000\u00ff\u0001"})
    void aBrokenAccountFileIsATemporaryFailure(String content) throws IOException {
        Files.writeString(dir.resolve("store/accounts/dave.account"), content, ISO_8859_1);
        CliRun run = encrypt("dave");
        assertEquals(ExitCode.TEMPORARY_FAILURE, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().contains("dave.account"), run.stderr());
        assertEquals(0, run.stdout().length);
    }

    @Test
    void anAccountFileThatIsAFolderIsATemporaryFailure() throws IOException {
        Files.createDirectory(dir.resolve("store/accounts/dave.account"));
        CliRun run = encrypt("dave");
        assertEquals(ExitCode.TEMPORARY_FAILURE, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
    }

    @Test
    void aStoreOthersCanWriteToIsATemporaryFailure() throws IOException {
        Path folder = dir.resolve("store");
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliRun run = encrypt("alice");
        assertEquals(ExitCode.TEMPORARY_FAILURE, run.exitCode());
        assertTrue(run.stderr().contains("chmod go-w"), run.stderr());
        assertFalse(run.stdoutText().contains("Keep them to yourself"), "never written unencrypted");
        assertEquals(0, run.stdout().length);
    }

    @Test
    void aMissingStoreIsATemporaryFailureAndIsNotCreated() {
        Path missing = dir.resolve("not-mounted/store");
        CliRun run = CliRun.of("encrypt", "--account", "alice", "--store", missing.toString(), "--in", SAMPLE.toString());
        assertEquals(ExitCode.TEMPORARY_FAILURE, run.exitCode(), run.stderr());
        assertFalse(Files.exists(dir.resolve("not-mounted")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--cert", "--cipher"})
    void accountWithCertOrCipherIsAUsageError(String option) {
        String value = option.equals("--cert") ? TestData.pki("rsa2048.pem").toString() : "aes128-cbc";
        CliRun run = encrypt("alice", option, value);
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderrIsOneLine(), run.stderr());
        assertTrue(run.stderr().contains("do not give --cert, --cipher, --oaep or --rid"), run.stderr());
        assertEquals(0, run.stdout().length);
    }
}
