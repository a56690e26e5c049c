package org.sealmail.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;

/**
 * A store whose folders or files another local user owns: that user could put their own
 * certificate in an account, so sealmail refuses to use it. These tests give files away for real
 * and so run only as root (see {@link OtherUser}).
 */
class ForeignOwnerTest {

    private static final String ALICE = "alice@example.org";
    private static final Account ALICE_ACCOUNT =
            new Account(ALICE, Certificates.of("rsa2048.pem"), ContentCipher.DEFAULT, true);
    private static final Account MALLORY_AS_ALICE =
            new Account(ALICE, Certificates.of("rsa3072.pem"), ContentCipher.DEFAULT, true);
    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path temp;

    private OtherUser other;
    private Path folder;
    private Path accounts;
    private Path aliceFile;

    @BeforeEach
    void needAnotherUser() throws IOException {
        other = OtherUser.required(temp);
        folder = temp.resolve("store");
        accounts = folder.resolve("accounts");
        aliceFile = accounts.resolve(ALICE + ".account");
    }

    private static void assertRefused(String expected, Executable call) {
        SmimeException e = assertThrows(SmimeException.class, call);
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals(expected, e.getMessage());
    }

    private static String ownedByOther(String what, Path path) {
        return what + " " + path + " is owned by " + OtherUser.NAME + ", not by " + ME
                + "; run \"chown " + ME + " " + path + "\"";
    }

    @Test
    void aStoreFolderOwnedByAnotherUserIsRefusedEvenWhenOnlyItsOwnerCanWrite() throws IOException {
        Files.createDirectory(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        other.owns(folder);

        assertRefused(ownedByOther("store folder", folder), () -> AccountStore.open(folder));
        assertRefused(ownedByOther("store folder", folder), () -> AccountStore.openExisting(folder));
        assertFalse(Files.exists(accounts), "nothing is created in another user's folder");
    }

    @Test
    void anAccountsFolderSwappedForAnotherUsersIsRefusedByAStoreAlreadyOpen() throws Exception {
        AccountStore store = AccountStore.open(folder);
        store.save(ALICE_ACCOUNT);
        Path swapped = folder.resolve("swapped");
        Files.createDirectory(swapped, PosixFilePermissions.asFileAttribute(PrivateFiles.FOLDER));
        Files.write(swapped.resolve(aliceFile.getFileName()), AccountFile.render(MALLORY_AS_ALICE));
        other.owns(swapped.resolve(aliceFile.getFileName()));
        other.owns(swapped);
        Files.move(accounts, folder.resolve("old"));
        Files.move(swapped, accounts);

        assertRefused(ownedByOther("store folder", accounts), () -> store.find(ALICE));
        assertRefused(ownedByOther("store folder", accounts), store::list);
        assertRefused(ownedByOther("store folder", accounts), () -> store.setEncryption(ALICE, false));
        assertRefused(ownedByOther("store folder", accounts), () -> store.save(ALICE_ACCOUNT));
        assertRefused(ownedByOther("store folder", accounts), () -> AccountStore.open(folder));
        assertRefused(ownedByOther("store folder", accounts), () -> AccountStore.openExisting(folder));
    }

    @Test
    void anAccountFileOwnedByAnotherUserIsNotReadButStillListed() throws Exception {
        AccountStore store = AccountStore.open(folder);
        store.save(ALICE_ACCOUNT);
        other.owns(aliceFile);
        byte[] before = Files.readAllBytes(aliceFile);

        assertRefused(ownedByOther("account file", aliceFile), () -> store.find(ALICE));
        assertRefused(ownedByOther("account file", aliceFile), () -> store.setEncryption(ALICE, false));
        assertEquals(List.of(ALICE), store.list());
        assertArrayEquals(before, Files.readAllBytes(aliceFile));
    }

    @Test
    void savingReplacesAnAccountFileOwnedByAnotherUserWithOneOfItsOwn() throws Exception {
        AccountStore store = AccountStore.open(folder);
        store.save(MALLORY_AS_ALICE);
        other.owns(aliceFile);

        store.save(ALICE_ACCOUNT);

        assertEquals(ME, Files.getOwner(aliceFile).getName());
        assertEquals(ALICE_ACCOUNT, store.find(ALICE).orElseThrow());
    }

    @Test
    void aLockFileOwnedByAnotherUserIsRefusedByWriters() throws Exception {
        AccountStore store = AccountStore.open(folder);
        store.save(ALICE_ACCOUNT);
        Path lock = folder.resolve(".lock");
        other.owns(lock);
        byte[] before = Files.readAllBytes(aliceFile);

        assertRefused(ownedByOther("lock file", lock), () -> store.save(MALLORY_AS_ALICE));
        assertRefused(ownedByOther("lock file", lock), () -> store.setEncryption(ALICE, false));
        assertArrayEquals(before, Files.readAllBytes(aliceFile));
        assertEquals(ALICE_ACCOUNT, store.find(ALICE).orElseThrow());
    }
}
