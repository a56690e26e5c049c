package org.sealmail.core.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.RecipientIdForm;
import org.sealmail.core.cms.RecipientOptions;

class AccountStoreTest {

    private static final List<X509Certificate> BUNDLE_OF_3 = Certificates.of("bundle-of-3.pem");
    private static final List<X509Certificate> RSA2048 = Certificates.of("rsa2048.pem");
    private static final String ALICE = "alice@example.org";

    @TempDir
    Path temp;

    private Path folder() {
        return temp.resolve("store");
    }

    private AccountStore store() throws SmimeException {
        return AccountStore.open(folder());
    }

    private Path fileOf(String name) {
        return folder().resolve("accounts").resolve(name + ".account");
    }

    // --- round trip ---------------------------------------------------------------------------

    static Stream<Arguments> settings() {
        return Stream.of(ContentCipher.values())
                .flatMap(cipher -> Stream.of(Arguments.of(cipher, true), Arguments.of(cipher, false)));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void findReturnsWhatWasSavedWithEveryCertificateByteForByte(ContentCipher cipher, boolean on) throws Exception {
        AccountStore store = store();
        store.save(new Account(ALICE, BUNDLE_OF_3, cipher, on));

        Account found = store.find(ALICE).orElseThrow();

        assertEquals(ALICE, found.name());
        assertEquals(cipher, found.cipher());
        assertEquals(on, found.encryptionOn());
        assertEquals(3, found.certificates().size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(BUNDLE_OF_3.get(i).getEncoded(), found.certificates().get(i).getEncoded());
        }
    }

    static Stream<RecipientOptions> recipientOptions() {
        return Stream.of(RecipientIdForm.values())
                .flatMap(form -> Stream.of(new RecipientOptions(false, form), new RecipientOptions(true, form)));
    }

    @ParameterizedTest
    @MethodSource("recipientOptions")
    void findReturnsTheSavedRecipientOptions(RecipientOptions options) throws Exception {
        AccountStore store = store();
        store.save(new Account(ALICE, BUNDLE_OF_3, ContentCipher.AES128_CBC, true, options));

        assertEquals(new Account(ALICE, BUNDLE_OF_3, ContentCipher.AES128_CBC, true, options),
                store.find(ALICE).orElseThrow());
    }

    @Test
    void switchingEncryptionKeepsTheRecipientOptions() throws Exception {
        AccountStore store = store();
        RecipientOptions options = new RecipientOptions(true, RecipientIdForm.SUBJECT_KEY_IDENTIFIER);
        store.save(new Account(ALICE, RSA2048, ContentCipher.AES256_CBC, true, options));

        store.setEncryption(ALICE, false);

        assertEquals(options, store.find(ALICE).orElseThrow().recipientOptions());
    }

    @Test
    void aSecondStoreOnTheSameFolderSeesTheAccount() throws SmimeException {
        store().save(new Account(ALICE, RSA2048, ContentCipher.AES128_CBC, true));

        assertEquals(Optional.of(new Account(ALICE, RSA2048, ContentCipher.AES128_CBC, true)), store().find(ALICE));
    }

    @Test
    void savingAgainReplacesTheAccount() throws SmimeException {
        AccountStore store = store();
        store.save(new Account(ALICE, BUNDLE_OF_3, ContentCipher.AES256_CBC, true));
        store.save(new Account(ALICE, RSA2048, ContentCipher.AES128_CBC, false));

        assertEquals(new Account(ALICE, RSA2048, ContentCipher.AES128_CBC, false), store.find(ALICE).orElseThrow());
        assertEquals(List.of(ALICE), store.list());
    }

    @Test
    void namesIgnoreCaseAndAreStoredInLowerCase() throws SmimeException {
        AccountStore store = store();
        store.save(new Account("Alice@Example.org", RSA2048, ContentCipher.DEFAULT, true));

        assertEquals(ALICE, store.find(ALICE).orElseThrow().name());
        assertEquals(ALICE, store.find("ALICE@EXAMPLE.ORG").orElseThrow().name());
        assertTrue(Files.isRegularFile(fileOf(ALICE)));
        assertEquals(List.of(ALICE), store.list());
    }

    @Test
    void listIsSortedAndNamesEachAccountOnce() throws SmimeException {
        AccountStore store = store();
        for (String name : List.of("carol", "Bob@Example.org", ALICE, "bob@example.org", "alice")) {
            store.save(new Account(name, RSA2048, ContentCipher.DEFAULT, true));
        }

        assertEquals(List.of("alice", ALICE, "bob@example.org", "carol"), store.list());
    }

    @Test
    void aNewStoreIsEmpty() throws SmimeException {
        AccountStore store = store();

        assertEquals(List.of(), store.list());
        assertEquals(Optional.empty(), store.find(ALICE));
    }

    // --- the file format ----------------------------------------------------------------------

    @Test
    void writesTheDocumentedFormat() throws Exception {
        store().save(new Account("Alice@Example.org", BUNDLE_OF_3, ContentCipher.AES256_CBC, true));

        String expected = "# sealmail account settings; edit with 'sealmail account set'\n"
                + "account: alice@example.org\n"
                + "encryption: on\n"
                + "cipher: aes256-cbc\n"
                + "\n"
                + Certificates.pem("bundle1.pem") + Certificates.pem("bundle2.pem") + Certificates.pem("bundle3.pem");
        assertEquals(expected, Files.readString(fileOf(ALICE), US_ASCII));
    }

    @Test
    void writesOffAndTheOtherCipher() throws Exception {
        store().save(new Account("bob", RSA2048, ContentCipher.AES128_CBC, false));

        String expected = "# sealmail account settings; edit with 'sealmail account set'\n"
                + "account: bob\n"
                + "encryption: off\n"
                + "cipher: aes128-cbc\n"
                + "\n"
                + Certificates.pem("rsa2048.pem");
        assertEquals(expected, Files.readString(fileOf("bob"), US_ASCII));
    }

    @Test
    void writesTheRecipientOptionsWhenTheyAreNotTheDefault() throws Exception {
        store().save(new Account("bob", RSA2048, ContentCipher.AES256_CBC, true,
                new RecipientOptions(true, RecipientIdForm.SUBJECT_KEY_IDENTIFIER)));

        String expected = "# sealmail account settings; edit with 'sealmail account set'\n"
                + "account: bob\n"
                + "encryption: on\n"
                + "cipher: aes256-cbc\n"
                + "oaep: on\n"
                + "recipient-id: ski\n"
                + "\n"
                + Certificates.pem("rsa2048.pem");
        assertEquals(expected, Files.readString(fileOf("bob"), US_ASCII));
    }

    @Test
    void refusesToSaveRecipientIdSkiForACertificateWithoutOne() throws SmimeException {
        AccountStore store = store();
        List<X509Certificate> oneWithoutSki = List.of(RSA2048.get(0), Certificates.of("rsa2048-noski.pem").get(0));
        Account account = new Account(ALICE, oneWithoutSki, ContentCipher.DEFAULT, true,
                new RecipientOptions(false, RecipientIdForm.SUBJECT_KEY_IDENTIFIER));

        SmimeException e = assertThrows(SmimeException.class, () -> store.save(account));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().startsWith("account \"alice@example.org\": recipient-id ski, but certificate 2 of 2 ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(") has no subject key identifier; use issuer-serial"), e.getMessage());
        assertFalse(Files.exists(fileOf(ALICE)));
    }

    @Test
    void refusesToSaveACertificateThatIsNotAUsableRecipient() throws SmimeException {
        AccountStore store = store();
        List<X509Certificate> withWeakKey = List.of(RSA2048.get(0), Certificates.of("rsa1024.pem").get(0));

        SmimeException e = assertThrows(SmimeException.class,
                () -> store.save(new Account(ALICE, withWeakKey, ContentCipher.DEFAULT, true)));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("account \"alice@example.org\": certificate 2 of 2 (CN=Weak RSA 1024): "
                + "RSA key of 1024 bits; at least 2048 are required", e.getMessage());
        assertFalse(Files.exists(fileOf(ALICE)));
    }

    // --- permissions --------------------------------------------------------------------------

    @Test
    void createsPrivateFoldersAndFiles() throws Exception {
        store().save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true));

        assertEquals("rwx------", permissions(folder()));
        assertEquals("rwx------", permissions(folder().resolve("accounts")));
        assertEquals("rw-------", permissions(fileOf(ALICE)));
        assertEquals("rw-------", permissions(folder().resolve(".lock")));
    }

    @Test
    void createsMissingParentFolders() throws SmimeException {
        AccountStore.open(temp.resolve("a/b/store")).save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true));

        assertTrue(Files.isRegularFile(temp.resolve("a/b/store/accounts/alice@example.org.account")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rwxrwx---", "rwx---rwx", "rwxrwxrwx"})
    void refusesAnExistingFolderOthersCanWriteTo(String mode) throws IOException {
        Files.createDirectories(folder());
        Files.setPosixFilePermissions(folder(), PosixFilePermissions.fromString(mode));

        SmimeException e = assertThrows(SmimeException.class, this::store);

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("store folder " + folder() + " has permissions " + mode
                + ": group or others can write to it; run \"chmod go-w " + folder() + "\"", e.getMessage());
    }

    @Test
    void refusesAnAccountsFolderOthersCanWriteTo() throws IOException {
        Files.createDirectories(folder().resolve("accounts"));
        Files.setPosixFilePermissions(folder(), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(folder().resolve("accounts"), PosixFilePermissions.fromString("rwxrwxr-x"));

        SmimeException e = assertThrows(SmimeException.class, this::store);

        assertTrue(e.getMessage().startsWith("store folder " + folder().resolve("accounts") + " has permissions rwxrwxr-x"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-rw----", "rw----rw-"})
    void refusesAnAccountFileOthersCanWriteToButAcceptsOneTheyCanOnlyRead(String mode) throws Exception {
        AccountStore store = store();
        store.save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true));
        Files.setPosixFilePermissions(fileOf(ALICE), PosixFilePermissions.fromString(mode));

        SmimeException e = assertThrows(SmimeException.class, () -> store.find(ALICE));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("account file " + fileOf(ALICE) + " has permissions " + mode
                + ": group or others can write to it; run \"chmod go-w " + fileOf(ALICE) + "\"", e.getMessage());
        Files.setPosixFilePermissions(fileOf(ALICE), PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(store.find(ALICE).isPresent());
    }

    @Test
    void acceptsAnExistingFolderOthersCanOnlyRead() throws Exception {
        Files.createDirectories(folder());
        Files.setPosixFilePermissions(folder(), PosixFilePermissions.fromString("rwxr-xr-x"));

        store().save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true));

        assertEquals("rwxr-xr-x", permissions(folder()));
        assertEquals("rwx------", permissions(folder().resolve("accounts")));
    }

    @Test
    void refusesAFileWhereTheFolderShouldBe() throws IOException {
        Files.writeString(folder(), "not a folder");

        SmimeException e = assertThrows(SmimeException.class, this::store);

        assertEquals(SmimeException.Reason.IO, e.reason());
        assertEquals("store folder " + folder() + ": not a folder", e.getMessage());
    }

    // --- openExisting: reads and creates nothing ------------------------------------------------

    @Test
    void openExistingOfAMissingFolderIsEmptyAndCreatesNothing() throws Exception {
        assertEquals(Optional.empty(), AccountStore.openExisting(folder()));

        assertFalse(Files.exists(folder()));
    }

    @Test
    void openExistingWithoutAnAccountsFolderIsAnEmptyStoreAndCreatesNothing() throws Exception {
        Files.createDirectory(folder(), PosixFilePermissions.asFileAttribute(PrivateFiles.FOLDER));

        AccountStore store = AccountStore.openExisting(folder()).orElseThrow();

        assertEquals(Optional.empty(), store.find(ALICE));
        assertEquals(List.of(), store.list());
        assertFalse(store.setEncryption(ALICE, true));
        assertEquals(List.of(temp, folder()), everything());
    }

    @Test
    void openExistingRefusesAFolderOthersCanWriteTo() throws IOException {
        Files.createDirectory(folder());
        Files.setPosixFilePermissions(folder(), PosixFilePermissions.fromString("rwxrwxrwx"));

        SmimeException e = assertThrows(SmimeException.class, () -> AccountStore.openExisting(folder()));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().startsWith("store folder " + folder() + " has permissions rwxrwxrwx"),
                e.getMessage());
        assertEquals(List.of(temp, folder()), everything());
    }

    @Test
    void savingToAStoreOpenedExistingCreatesTheAccountsFolderPrivate() throws Exception {
        Files.createDirectory(folder(), PosixFilePermissions.asFileAttribute(PrivateFiles.FOLDER));

        AccountStore existing = AccountStore.openExisting(folder()).orElseThrow();
        existing.save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true));

        assertEquals("rwx------", permissions(folder().resolve("accounts")));
        assertEquals(List.of(ALICE), store().list());
    }

    // --- names that could leave the store -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../../etc/passwd", "a/b", "a\\b", "..", ".lock", "", "x\u0000y", "/abs"})
    void refusesNamesThatCouldLeaveTheAccountsFolder(String name) throws Exception {
        AccountStore store = store();
        List<Path> before = everything();

        for (Executable call : List.<Executable>of(
                () -> store.save(new Account(name, RSA2048, ContentCipher.DEFAULT, true)),
                () -> store.find(name),
                () -> store.setEncryption(name, false))) {
            SmimeException e = assertThrows(SmimeException.class, call::run);
            assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
            assertTrue(e.getMessage().startsWith("account name \""), e.getMessage());
        }
        assertEquals(before, everything());
    }

    private interface Executable {
        void run() throws Exception;
    }

    private List<Path> everything() throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            return all.sorted().toList();
        }
    }

    // --- atomic replacement ------------------------------------------------------------------

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTempFile() throws Exception {
        store().save(new Account(ALICE, BUNDLE_OF_3, ContentCipher.AES256_CBC, true));
        byte[] before = Files.readAllBytes(fileOf(ALICE));
        long[] halfWritten = {-1};
        AccountStore failing = AccountStore.open(folder(), new AtomicWrite(tempFile -> {
            assertEquals(folder().resolve("accounts"), tempFile.getParent());
            assertEquals("rw-------", permissions(tempFile));
            halfWritten[0] = Files.size(tempFile);
            throw new IOException("disk full (injected)");
        }));

        SmimeException e = assertThrows(SmimeException.class,
                () -> failing.save(new Account(ALICE, RSA2048, ContentCipher.AES128_CBC, false)));

        assertEquals(SmimeException.Reason.IO, e.reason());
        assertEquals("cannot write " + fileOf(ALICE) + ": disk full (injected)", e.getMessage());
        int newLength = AccountFile.render(new Account(ALICE, RSA2048, ContentCipher.AES128_CBC, false)).length;
        assertEquals(newLength / 2, halfWritten[0]);
        assertArrayEquals(before, Files.readAllBytes(fileOf(ALICE)));
        assertEquals(List.of(fileOf(ALICE)), accountsFolderContents());
    }

    @Test
    void aFailedFirstWriteLeavesNoAccount() throws Exception {
        AccountStore failing = AccountStore.open(folder(), new AtomicWrite(tempFile -> {
            throw new IOException("disk full (injected)");
        }));

        assertThrows(SmimeException.class, () -> failing.save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true)));

        assertEquals(List.of(), accountsFolderContents());
        assertEquals(Optional.empty(), store().find(ALICE));
        assertEquals(List.of(), store().list());
    }

    @Test
    void leftoverTempFilesAreIgnoredByReadersAndRemovedByTheNextWriter() throws Exception {
        AccountStore store = store();
        store.save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true));
        Path leftover = folder().resolve("accounts/.write-123456.tmp");
        Files.writeString(leftover, "# sealmail account settings; half a fi");
        Path unrelated = folder().resolve("accounts/README.txt");
        Files.writeString(unrelated, "notes");
        Path upperCase = folder().resolve("accounts/Bob.account");
        Files.writeString(upperCase, "not read");

        assertEquals(List.of(ALICE), store.list());
        assertTrue(store.find(ALICE).isPresent());

        store.save(new Account("carol", RSA2048, ContentCipher.DEFAULT, true));

        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(unrelated));
        assertTrue(Files.exists(upperCase));
        assertEquals(List.of(ALICE, "carol"), store.list());
    }

    private List<Path> accountsFolderContents() throws IOException {
        try (Stream<Path> files = Files.list(folder().resolve("accounts"))) {
            return files.sorted().toList();
        }
    }

    // --- setEncryption ------------------------------------------------------------------------

    @Test
    void setEncryptionSwitchesOnlyThatSetting() throws SmimeException {
        AccountStore store = store();
        store.save(new Account(ALICE, BUNDLE_OF_3, ContentCipher.AES128_CBC, true));

        assertTrue(store.setEncryption("Alice@Example.org", false));
        assertEquals(new Account(ALICE, BUNDLE_OF_3, ContentCipher.AES128_CBC, false), store.find(ALICE).orElseThrow());

        assertTrue(store.setEncryption(ALICE, true));
        assertEquals(new Account(ALICE, BUNDLE_OF_3, ContentCipher.AES128_CBC, true), store.find(ALICE).orElseThrow());
    }

    @Test
    void setEncryptionOfAnUnknownAccountIsFalseAndCreatesNothing() throws Exception {
        AccountStore store = store();

        assertFalse(store.setEncryption("nobody@example.org", true));
        assertEquals(List.of(), accountsFolderContents());
        assertFalse(Files.exists(folder().resolve(".lock")));
    }

    @Test
    void setEncryptionToTheCurrentValueLeavesTheFileAlone() throws Exception {
        AccountStore store = store();
        store.save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true));
        Object before = Files.readAttributes(fileOf(ALICE), BasicFileAttributes.class).fileKey();

        assertTrue(store.setEncryption(ALICE, true));
        assertEquals(before, Files.readAttributes(fileOf(ALICE), BasicFileAttributes.class).fileKey());

        assertTrue(store.setEncryption(ALICE, false));
        assertNotEquals(before, Files.readAttributes(fileOf(ALICE), BasicFileAttributes.class).fileKey());
    }

    @Test
    void setEncryptionRefusesAFileThatDoesNotReadBack() throws Exception {
        AccountStore store = store();
        store.save(new Account(ALICE, RSA2048, ContentCipher.DEFAULT, true));
        String broken = Files.readString(fileOf(ALICE)).replace("cipher: aes256-cbc", "cipher: rot13");
        Files.writeString(fileOf(ALICE), broken);

        SmimeException e = assertThrows(SmimeException.class, () -> store.setEncryption(ALICE, false));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals(broken, Files.readString(fileOf(ALICE)));
    }

    // --- the rest -----------------------------------------------------------------------------

    @Test
    void defaultLocationIsSealmailHomeElseDotSealmailInTheHomeFolder() {
        String home = System.getProperty("user.home");

        assertEquals(Path.of("/srv/sealmail"), AccountStore.defaultLocation(Map.of("SEALMAIL_HOME", "/srv/sealmail")));
        assertEquals(Path.of(home, ".sealmail"), AccountStore.defaultLocation(Map.of("SEALMAIL_HOME", "")));
        assertEquals(Path.of(home, ".sealmail"), AccountStore.defaultLocation(Map.of("HOME", "/elsewhere")));
    }

    @Test
    void anAccountNeedsACertificate() {
        assertThrows(IllegalArgumentException.class, () -> new Account(ALICE, List.of(), ContentCipher.DEFAULT, true));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
