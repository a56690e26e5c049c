package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.testing.TestData;

/** account set/show/enable/disable/list, each test with a store of its own. */
class AccountCommandTest {

    private static final String RSA2048 = pki("rsa2048.pem");
    private static final String BUNDLE = pki("bundle-of-3.pem");

    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("store");
    }

    private Path accountFile(String name) {
        return store().resolve("accounts").resolve(name + ".account");
    }

    private static String pki(String name) {
        return TestData.pki(name).toString();
    }

    /** {@code sealmail account ARGS... --store STORE}. */
    private CliRun account(String... args) {
        List<String> all = new ArrayList<>(List.of("account"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--store", store().toString()));
        return CliRun.of(all.toArray(new String[0]));
    }

    private CliRun set(String user, String... options) {
        List<String> args = new ArrayList<>(List.of("set", user));
        args.addAll(Arrays.asList(options));
        return account(args.toArray(new String[0]));
    }

    private static List<String> lines(CliRun run) {
        return run.stdoutText().lines().toList();
    }

    private static List<String> certsLines(String file) {
        CliRun certs = CliRun.of("certs", file);
        assertEquals(0, certs.exitCode(), certs.stderr());
        return lines(certs);
    }

    private List<Path> everyPathUnder(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.sorted().toList();
        }
    }

    @Test
    void setThenShowGivesTheSettingsAndTheCertsLines() {
        CliRun set = set("alice", "--cert", RSA2048);
        assertEquals(0, set.exitCode(), set.stderr());
        assertEquals("stored alice: 1 certificate, cipher aes256-cbc, encryption on\n", set.stdoutText());
        assertEquals("", set.stderr());

        CliRun show = account("show", "alice");
        assertEquals(0, show.exitCode(), show.stderr());
        List<String> expected = new ArrayList<>(List.of("account: alice", "encryption: on", "cipher: aes256-cbc",
                "oaep: off", "recipient-id: issuer-serial"));
        expected.addAll(certsLines(RSA2048));
        assertEquals(expected, lines(show));
    }

    @Test
    void aBundleOfThreeIsStoredWithTheChosenCipher() {
        CliRun set = set("carol", "--cert", BUNDLE, "--cipher", "aes128-cbc");
        assertEquals(0, set.exitCode(), set.stderr());
        assertEquals("stored carol: 3 certificates, cipher aes128-cbc, encryption on\n", set.stdoutText());

        List<String> show = lines(account("show", "carol"));
        assertEquals("cipher: aes128-cbc", show.get(2));
        assertEquals(certsLines(BUNDLE), show.subList(5, show.size()));
    }

    @Test
    void oaepAndRidSkiAreStoredShownAndWarnedAbout() {
        CliRun set = set("alice", "--cert", RSA2048, "--oaep", "--rid", "ski");
        assertEquals(0, set.exitCode(), set.stderr());
        assertEquals("stored alice: 1 certificate, cipher aes256-cbc, oaep, recipient-id ski, encryption on\n",
                set.stdoutText());
        assertEquals("sealmail account: warning: RSA-OAEP: Thunderbird (NSS) and gpgsm (KMail, Kleopatra) cannot"
                + " open it; OpenSSL-based readers can\n", set.stderr());

        List<String> show = lines(account("show", "alice"));
        assertEquals(List.of("cipher: aes256-cbc", "oaep: on", "recipient-id: ski"), show.subList(2, 5));
    }

    @Test
    void showSaysAnAuthenticatedCipherAlwaysUsesOaep() {
        assertEquals(0, set("alice", "--cert", RSA2048, "--cipher", "aes256-gcm").exitCode());

        List<String> show = lines(account("show", "alice"));
        assertEquals("oaep: on (always, with aes256-gcm)", show.get(3));
    }

    @Test
    void settingAgainWithoutTheOptionsGoesBackToTheDefaults() {
        assertEquals(0, set("alice", "--cert", RSA2048, "--oaep", "--rid", "ski").exitCode());
        assertEquals(0, set("alice", "--cert", RSA2048).exitCode());

        List<String> show = lines(account("show", "alice"));
        assertEquals(List.of("oaep: off", "recipient-id: issuer-serial"), show.subList(3, 5));
    }

    @Test
    void ridSkiWithACertificateWithoutOneIsRefusedAndStoresNothing() throws IOException {
        CliRun set = set("alice", "--cert", pki("rsa2048-noski.pem"), "--rid", "ski");

        assertEquals(ExitCode.DATA_ERROR, set.exitCode());
        assertEquals("sealmail account: certificate \"CN=Alice RSA 2048 without SKI\" has no subject key identifier;"
                + " name it by issuer and serial (--rid issuer-serial)\n", set.stderr());
        assertEquals("", set.stdoutText());
        assertFalse(Files.exists(store()), "nothing is created");
    }

    @Test
    void ridSkiWithACertificateWithoutOneLeavesTheOldSettingsAlone() throws IOException {
        assertEquals(0, set("alice", "--cert", RSA2048).exitCode());
        byte[] before = Files.readAllBytes(accountFile("alice"));

        CliRun set = set("alice", "--cert", RSA2048, "--cert", pki("rsa2048-noski.pem"), "--rid", "ski");

        assertEquals(ExitCode.DATA_ERROR, set.exitCode());
        assertTrue(set.stderrIsOneLine(), set.stderr());
        assertArrayEquals(before, Files.readAllBytes(accountFile("alice")));
    }

    @Test
    void anUnknownRidIsAUsageError() {
        CliRun set = set("alice", "--cert", RSA2048, "--rid", "name");

        assertEquals(ExitCode.USAGE, set.exitCode());
        assertTrue(set.stderr().contains("unknown recipient identifier form \"name\"; choose issuer-serial or ski"),
                set.stderr());
    }

    @Test
    void certificatesOfSeveralFilesAreKeptInOrder() {
        assertEquals(0, set("dave", "--cert", BUNDLE, "--cert", RSA2048).exitCode());
        List<String> show = lines(account("show", "dave"));
        List<String> expected = new ArrayList<>(certsLines(BUNDLE));
        expected.addAll(certsLines(RSA2048));
        assertEquals(expected, show.subList(5, show.size()));
    }

    @Test
    void namesDoNotDependOnCase() {
        CliRun set = set("Alice@Example.org", "--cert", RSA2048);
        assertEquals("stored alice@example.org: 1 certificate, cipher aes256-cbc, encryption on\n", set.stdoutText());
        assertTrue(Files.isRegularFile(accountFile("alice@example.org")));

        CliRun show = account("show", "alice@example.org");
        assertEquals(0, show.exitCode(), show.stderr());
        assertEquals("account: alice@example.org", lines(show).get(0));
        assertEquals(0, account("show", "ALICE@EXAMPLE.ORG").exitCode());
        assertEquals(List.of("alice@example.org"), lines(account("list")));
    }

    @Test
    void aPkcs12FileGivesItsCertificateAndItsKeyIsNotStored() throws IOException {
        Path password = Files.writeString(dir.resolve("password.txt"), "sealmail-test\n");
        String p12 = pki("rsa2048-modern.p12");
        CliRun set = set("bob", "--cert", p12, "--password-file", password.toString());
        assertEquals(0, set.exitCode(), set.stderr());
        assertEquals("stored bob: 1 certificate, cipher aes256-cbc, encryption on\n", set.stdoutText());
        assertTrue(set.stderr().contains(p12 + " is a PKCS#12 file"), set.stderr());
        assertTrue(set.stderr().contains("private key is not stored"), set.stderr());

        String stored = Files.readString(accountFile("bob"));
        assertEquals(1, stored.split("-----BEGIN ", -1).length - 1, stored);
        assertEquals(1, stored.split("-----BEGIN CERTIFICATE-----", -1).length - 1, stored);
        assertFalse(stored.toUpperCase(Locale.ROOT).contains("PRIVATE"), stored);
        List<String> show = lines(account("show", "bob"));
        assertEquals(certsLines(RSA2048), show.subList(5, show.size()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa1024.pem", "ec.pem", "rsa2048.key"})
    void aRefusedCertificateStoresNothing(String name) {
        CliRun set = set("alice", "--cert", pki(name));
        assertEquals(ExitCode.DATA_ERROR, set.exitCode());
        assertTrue(set.stderrIsOneLine(), set.stderr());
        assertTrue(set.stderr().contains(pki(name) + ": "), set.stderr());
        assertEquals("", set.stdoutText());
        CliRun list = account("list");
        assertEquals(0, list.exitCode(), list.stderr());
        assertEquals("", list.stdoutText());
    }

    @Test
    void aRefusedSecondFileLeavesTheOldSettingsAlone() throws IOException {
        assertEquals(0, set("alice", "--cert", RSA2048).exitCode());
        byte[] before = Files.readAllBytes(accountFile("alice"));
        CliRun set = set("alice", "--cert", BUNDLE, "--cert", pki("rsa1024.pem"), "--cipher", "aes128-cbc");
        assertEquals(ExitCode.DATA_ERROR, set.exitCode());
        assertTrue(set.stderr().contains("RSA key of 1024 bits; at least 2048 are required"), set.stderr());
        assertArrayEquals(before, Files.readAllBytes(accountFile("alice")));
    }

    @Test
    void disableAndEnableSwitchShowsEncryptionLine() {
        assertEquals(0, set("alice", "--cert", RSA2048).exitCode());

        CliRun disable = account("disable", "alice");
        assertEquals(0, disable.exitCode(), disable.stderr());
        assertEquals("alice: encryption off\n", disable.stdoutText());
        assertEquals("encryption: off", lines(account("show", "alice")).get(1));

        CliRun enable = account("enable", "Alice");
        assertEquals(0, enable.exitCode(), enable.stderr());
        assertEquals("alice: encryption on\n", enable.stdoutText());
        assertEquals("encryption: on", lines(account("show", "alice")).get(1));
    }

    @Test
    void listIsSorted() {
        for (String name : List.of("zed", "alice@example.org", "Mike", "bob")) {
            assertEquals(0, set(name, "--cert", RSA2048).exitCode());
        }
        CliRun list = account("list");
        assertEquals(0, list.exitCode(), list.stderr());
        assertEquals("alice@example.org\nbob\nmike\nzed\n", list.stdoutText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"show", "disable", "enable"})
    void anUnknownAccountIsNoSuchUser(String subcommand) {
        assertEquals(0, set("alice", "--cert", RSA2048).exitCode());
        CliRun run = account(subcommand, "Nobody");
        assertEquals(ExitCode.NO_SUCH_USER, run.exitCode());
        assertEquals("sealmail account: no account nobody; create it with: sealmail account set nobody --cert FILE\n",
                run.stderr());
        assertEquals("", run.stdoutText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../x", "a/b", "../../escaped", "..", "x\\y"})
    void aBadNameIsRefusedAndNothingIsWritten(String name) throws IOException {
        assertEquals(0, set("alice", "--cert", RSA2048).exitCode());
        List<Path> before = everyPathUnder(dir);

        CliRun set = set(name, "--cert", RSA2048);
        assertEquals(ExitCode.DATA_ERROR, set.exitCode());
        assertTrue(set.stderrIsOneLine(), set.stderr());
        assertTrue(set.stderr().startsWith("sealmail account: account name "), set.stderr());
        assertEquals(ExitCode.DATA_ERROR, account("show", name).exitCode());
        assertEquals(ExitCode.DATA_ERROR, account("disable", name).exitCode());

        assertEquals(before, everyPathUnder(dir), "no file appears anywhere, in the store or beside it");
    }

    @Test
    void theStoreIsPrivateToItsOwner() throws IOException {
        assumeTrue(store().getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals(0, set("alice", "--cert", RSA2048).exitCode());
        assertEquals("rwx------", mode(store()));
        assertEquals("rwx------", mode(store().resolve("accounts")));
        assertEquals("rw-------", mode(accountFile("alice")));

        assertEquals(0, account("disable", "alice").exitCode());
        assertEquals("rw-------", mode(accountFile("alice")), "a rewritten file stays private");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @ParameterizedTest(name = "STORE/{0}")
    @ValueSource(strings = {".", "accounts"})
    void aFolderOthersCanWriteToIsRefused(String sub) throws IOException {
        assumeTrue(store().getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path open = Files.createDirectories(store().resolve(sub)).normalize();
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        for (CliRun run : List.of(account("list"), set("alice", "--cert", RSA2048))) {
            assertNotEquals(0, run.exitCode());
            assertTrue(run.stderrIsOneLine(), run.stderr());
            assertTrue(run.stderr().contains("run \"chmod go-w " + open + "\""), run.stderr());
            assertEquals("", run.stdoutText());
        }
        assertFalse(Files.exists(accountFile("alice")));
    }
}
