package org.sealmail.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;

/** Links inside the store are refused; the store folder itself may be reached through links. */
class SymbolicLinkTest {

    private static final String ALICE = "alice@example.org";
    private static final Account ALICE_ACCOUNT =
            new Account(ALICE, Certificates.of("rsa2048.pem"), ContentCipher.DEFAULT, true);
    private static final Account MALLORY_AS_ALICE =
            new Account(ALICE, Certificates.of("rsa3072.pem"), ContentCipher.DEFAULT, true);

    @TempDir
    Path temp;

    private Path folder;
    private Path accounts;
    private Path aliceFile;

    @BeforeEach
    void paths() {
        folder = temp.resolve("store");
        accounts = folder.resolve("accounts");
        aliceFile = accounts.resolve(ALICE + ".account");
    }

    private static void assertRefused(String expected, Executable call) {
        SmimeException e = assertThrows(SmimeException.class, call);
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals(expected, e.getMessage());
    }

    @Test
    void aLinkedAccountFileIsNotFollowedButStillListed() throws Exception {
        AccountStore store = AccountStore.open(folder);
        Path elsewhere = temp.resolve("mallory.account");
        Files.write(elsewhere, AccountFile.render(MALLORY_AS_ALICE));
        Files.createSymbolicLink(aliceFile, elsewhere);
        String refused = "account file " + aliceFile + " is a symbolic link to \"" + elsewhere
                + "\"; links inside the store are refused: replace it with a real file";

        assertRefused(refused, () -> store.find(ALICE));
        assertRefused(refused, () -> store.setEncryption(ALICE, false));
        assertEquals(List.of(ALICE), store.list());
        assertArrayEquals(AccountFile.render(MALLORY_AS_ALICE), Files.readAllBytes(elsewhere));
    }

    @Test
    void aLinkedAccountsFolderIsRefused() throws Exception {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Files.write(elsewhere.resolve(aliceFile.getFileName()), AccountFile.render(MALLORY_AS_ALICE));
        Files.createDirectory(folder);
        Files.createSymbolicLink(accounts, elsewhere);
        String refused = "store folder " + accounts + " is a symbolic link to \"" + elsewhere
                + "\"; links inside the store are refused: "
                + "replace it with a real folder, or link the whole store folder";

        assertRefused(refused, () -> AccountStore.open(folder));
        assertRefused(refused, () -> AccountStore.openExisting(folder));
    }

    @Test
    void aLinkedLockFileIsRefusedAndItsTargetLeftAlone() throws Exception {
        AccountStore store = AccountStore.open(folder);
        store.save(ALICE_ACCOUNT);
        Path lock = folder.resolve(".lock");
        Files.delete(lock);
        Path target = temp.resolve("not-a-lock");
        Files.createSymbolicLink(lock, target);

        assertRefused("lock file " + lock + " is a symbolic link to \"" + target
                + "\"; links inside the store are refused: run \"rm " + lock + "\"",
                () -> store.save(MALLORY_AS_ALICE));
        assertFalse(Files.exists(target));
        assertEquals(ALICE_ACCOUNT, store.find(ALICE).orElseThrow());
    }

    @Test
    void anAccountFileThatIsAFolderIsRefused() throws Exception {
        AccountStore store = AccountStore.open(folder);
        Files.createDirectory(aliceFile);

        assertRefused("account file " + aliceFile + " is not a regular file; move it out of " + accounts,
                () -> store.find(ALICE));
    }

    @Test
    void theStoreFolderMayBeALinkOrBeReachedThroughOne() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real/parent"));
        Path linkedParent = Files.createSymbolicLink(temp.resolve("linked-parent"), real);
        AccountStore.open(linkedParent.resolve("store")).save(ALICE_ACCOUNT);
        Path linkedStore = Files.createSymbolicLink(temp.resolve("linked-store"), real.resolve("store"));

        assertEquals(ALICE_ACCOUNT, AccountStore.open(linkedStore).find(ALICE).orElseThrow());
        assertEquals(ALICE_ACCOUNT, AccountStore.openExisting(linkedStore).orElseThrow().find(ALICE).orElseThrow());
        assertEquals(List.of(ALICE), AccountStore.openExisting(linkedParent.resolve("store")).orElseThrow().list());
    }
}
