package org.sealmail.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sealmail.core.SmimeException;

/**
 * The per-account encryption settings a mail server keeps: one file per account under
 * {@code FOLDER/accounts/}, in the format described in the package documentation.
 *
 * <p>Writers ({@link #save}, {@link #setEncryption}) hold an exclusive lock on {@code FOLDER/.lock}
 * for the whole read-modify-write, so concurrent writers in any number of processes and threads
 * are serialised. Readers take no lock: a file is replaced by an atomic rename, so a reader sees
 * the old or the new version, whole. Temp files a crashed writer left behind are ignored by readers
 * and removed by the next writer.
 *
 * <p>Every operation first checks the folders and the files it uses as {@link TrustedPath} says:
 * owned by the user running sealmail, folders not writable by group or others, and no symbolic
 * link inside the store. A refusal is BAD_INPUT naming the path, the reason and the fix.
 */
public final class AccountStore {

    static final String ACCOUNTS = "accounts";
    static final String LOCK_FILE = ".lock";

    private final Path folder;
    private final Path accounts;
    private final AtomicWrite writer;

    private AccountStore(Path folder, AtomicWrite writer) {
        this.folder = folder;
        this.accounts = folder.resolve(ACCOUNTS);
        this.writer = writer;
    }

    /**
     * Opens the store in {@code folder}, creating it and its {@code accounts/} folder as 0700 where
     * missing.
     *
     * @throws SmimeException BAD_INPUT when either folder is owned by another user or group or
     *                        others can write to it, or accounts/ is a symbolic link
     */
    public static AccountStore open(Path folder) throws SmimeException {
        return open(folder, new AtomicWrite());
    }

    /**
     * The store in {@code folder} if that folder exists; empty otherwise. For commands that only
     * read or change existing accounts: a store on a volume that is not mounted must not be
     * created empty in its place. Nothing is created: a store without {@code accounts/} has no
     * accounts.
     *
     * @throws SmimeException BAD_INPUT as {@link #open}
     */
    public static Optional<AccountStore> openExisting(Path folder) throws SmimeException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            return Optional.empty();
        }
        AccountStore store = new AccountStore(absolute, new AtomicWrite());
        store.hasAccountsFolder(); // refuses a store that fails the checks before anything relies on it
        return Optional.of(store);
    }

    /** With a writer whose failures a test controls. */
    static AccountStore open(Path folder, AtomicWrite writer) throws SmimeException {
        AccountStore store = new AccountStore(folder.toAbsolutePath().normalize(), writer);
        PrivateFiles.createFolder(store.folder);
        store.ensureAccountsFolder();
        return store;
    }

    /** {@code $SEALMAIL_HOME} when set and not empty, else {@code .sealmail} in the user's home folder. */
    public static Path defaultLocation(Map<String, String> env) {
        String home = env.get("SEALMAIL_HOME");
        if (home != null && !home.isEmpty()) {
            return Path.of(home).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".sealmail");
    }

    /** The store's folder, absolute. */
    public Path folder() {
        return folder;
    }

    /**
     * Creates or replaces the account, under its normalized name.
     *
     * @throws SmimeException BAD_INPUT for a refused name or a certificate that is not a usable
     *                        recipient; IO when the file cannot be written
     */
    public void save(Account account) throws SmimeException {
        Objects.requireNonNull(account, "account");
        String name = AccountName.normalize(account.name());
        Account normalized = new Account(name, account.certificates(), account.cipher(), account.encryptionOn(),
                account.recipientOptions());
        byte[] content = AccountFile.render(normalized);
        Path file = fileOf(name);
        StoreLock lock = lock();
        try {
            ensureAccountsFolder();
            write(file, content);
        } finally {
            lock.close();
        }
    }

    /** The account called {@code name} (in any case), or empty when there is none. */
    public Optional<Account> find(String name) throws SmimeException {
        String normalized = AccountName.normalize(name);
        Path file = fileOf(normalized);
        if (!hasAccountsFolder()) {
            return Optional.empty();
        }
        return read(normalized, file);
    }

    /**
     * The names of all accounts, sorted. Only file names are looked at: a file that would not
     * read back is listed, and refused by {@link #find}; so is a symbolic link. Files whose name
     * is not a normalized account name followed by ".account" are not accounts and are left out.
     */
    public List<String> list() throws SmimeException {
        if (!hasAccountsFolder()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(accounts, "*" + AccountFile.SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - AccountFile.SUFFIX.length());
                if (AccountName.isNormalized(name)
                        && (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file))) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw StoreFailure.io("cannot list", accounts, e);
        }
        Collections.sort(names);
        return names;
    }

    /**
     * Switches encryption on or off for an existing account; the file is left alone when the
     * setting already has that value.
     *
     * @return false when there is no such account; then nothing is created, not even the lock file
     */
    public boolean setEncryption(String name, boolean on) throws SmimeException {
        String normalized = AccountName.normalize(name);
        Path file = fileOf(normalized);
        // Looked up before locking, so that an unknown account creates nothing, not even the lock
        // file; "missing" needs no lock, as it is true at the moment it is seen.
        if (!hasAccountsFolder() || !TrustedPath.accountFile(file)) {
            return false;
        }
        StoreLock lock = lock();
        try {
            Optional<Account> current = read(normalized, file);
            if (current.isEmpty()) {
                return false;
            }
            if (current.get().encryptionOn() != on) {
                write(file, AccountFile.render(current.get().withEncryption(on)));
            }
            return true;
        } finally {
            lock.close();
        }
    }

    /** The account's file; the name is checked again here so that no name can leave accounts/. */
    private Path fileOf(String normalizedName) throws SmimeException {
        Path file = accounts.resolve(normalizedName + AccountFile.SUFFIX);
        if (!accounts.equals(file.getParent()) || !file.equals(file.normalize())
                || !file.getFileName().toString().equals(normalizedName + AccountFile.SUFFIX)) {
            throw SmimeException.badInput("account name " + Quoted.of(normalizedName) + ": not a plain file name");
        }
        return file;
    }

    /** Whether accounts/ exists, once the store folder and accounts/ passed {@link TrustedPath}. */
    private boolean hasAccountsFolder() throws SmimeException {
        TrustedPath.storeFolder(folder);
        return TrustedPath.accountsFolder(accounts);
    }

    private void ensureAccountsFolder() throws SmimeException {
        TrustedPath.storeFolder(folder);
        PrivateFiles.createFolder(accounts);
        TrustedPath.accountsFolder(accounts);
    }

    private Optional<Account> read(String normalizedName, Path file) throws SmimeException {
        if (!TrustedPath.accountFile(file)) {
            return Optional.empty();
        }
        byte[] content;
        // NOFOLLOW_LINKS again: a link put in place after the check is refused, not followed.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            content = in.readAllBytes();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw StoreFailure.io("cannot read", file, e);
        }
        return Optional.of(AccountFile.parse(content, normalizedName, file));
    }

    /** Only under the lock: removing leftovers is safe only while no other writer is at work. */
    private void write(Path file, byte[] content) throws SmimeException {
        AtomicWrite.removeLeftovers(accounts);
        try {
            writer.replace(file, content);
        } catch (IOException e) {
            throw StoreFailure.io("cannot write", file, e);
        }
    }

    private StoreLock lock() throws SmimeException {
        Path lockFile = folder.resolve(LOCK_FILE);
        TrustedPath.storeFolder(folder);
        TrustedPath.lockFile(lockFile);
        try {
            return StoreLock.acquire(lockFile);
        } catch (IOException e) {
            throw StoreFailure.io("cannot lock", lockFile, e);
        }
    }
}
