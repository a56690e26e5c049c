package org.sealmail.core.store;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.sealmail.core.SmimeException;

/**
 * The checks a folder or file of the store passes before sealmail trusts what is in it, since
 * whoever can change it can replace an account's certificates with their own: owned by the
 * {@link RunningUser}, folders and account files not writable by group or others, and nothing
 * inside the store a symbolic link. The store folder itself may be reached through links; its
 * parents are not checked.
 *
 * <p>Owners and permissions are checked only where the file system has POSIX attributes; on
 * others (Windows) the ACL inherited from the parent folder applies, as in {@link PrivateFiles}.
 */
final class TrustedPath {

    private static final String STORE_FOLDER = "store folder";
    private static final String ACCOUNT_FILE = "account file";
    private static final String LOCK_FILE = "lock file";

    private TrustedPath() {
    }

    /** Refuses the store folder, reached through any links, unless it passes. */
    static void storeFolder(Path folder) throws SmimeException {
        BasicFileAttributes attributes;
        try {
            attributes = read(folder);
        } catch (IOException e) {
            throw StoreFailure.io("cannot open the store folder", folder, e);
        }
        requireFolder(folder, attributes);
    }

    /**
     * Refuses the accounts folder unless it passes.
     *
     * @return false when it is missing
     */
    static boolean accountsFolder(Path folder) throws SmimeException {
        BasicFileAttributes attributes;
        try {
            attributes = read(folder, NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw StoreFailure.io("cannot open the store folder", folder, e);
        }
        refuseLink(STORE_FOLDER, folder, attributes, "replace it with a real folder, or link the whole store folder");
        requireFolder(folder, attributes);
        return true;
    }

    /**
     * Refuses an account file unless it passes.
     *
     * @return false when it is missing
     */
    static boolean accountFile(Path file) throws SmimeException {
        BasicFileAttributes attributes;
        try {
            attributes = read(file, NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw StoreFailure.io("cannot read", file, e);
        }
        refuseLink(ACCOUNT_FILE, file, attributes, "replace it with a real file");
        if (!attributes.isRegularFile()) {
            throw SmimeException.badInput(ACCOUNT_FILE + " " + file + " is not a regular file; move it out of "
                    + file.getParent());
        }
        requireOwner(ACCOUNT_FILE, file, attributes);
        if (attributes instanceof PosixFileAttributes posix) {
            refuseWritableByOthers(ACCOUNT_FILE, file, posix.permissions());
        }
        return true;
    }

    /** Refuses the lock file, when it exists, unless it passes. */
    static void lockFile(Path file) throws SmimeException {
        BasicFileAttributes attributes;
        try {
            attributes = read(file, NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw StoreFailure.io("cannot lock", file, e);
        }
        refuseLink(LOCK_FILE, file, attributes, "run \"rm " + file + "\"");
        requireOwner(LOCK_FILE, file, attributes);
    }

    private static BasicFileAttributes read(Path path, LinkOption... options) throws IOException {
        return PrivateFiles.isPosix(path)
                ? Files.readAttributes(path, PosixFileAttributes.class, options)
                : Files.readAttributes(path, BasicFileAttributes.class, options);
    }

    private static void requireFolder(Path folder, BasicFileAttributes attributes) throws SmimeException {
        if (!attributes.isDirectory()) {
            throw new SmimeException(SmimeException.Reason.IO, STORE_FOLDER + " " + folder + ": not a folder");
        }
        requireOwner(STORE_FOLDER, folder, attributes);
        if (attributes instanceof PosixFileAttributes posix) {
            refuseWritableByOthers(STORE_FOLDER, folder, posix.permissions());
        }
    }

    private static void requireOwner(String what, Path path, BasicFileAttributes attributes) throws SmimeException {
        if (attributes instanceof PosixFileAttributes posix) {
            RunningUser.requireOwner(what, path, posix.owner().getName());
        }
    }

    private static void refuseWritableByOthers(String what, Path path, Set<PosixFilePermission> permissions)
            throws SmimeException {
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw SmimeException.badInput(what + " " + path + " has permissions "
                    + PosixFilePermissions.toString(permissions)
                    + ": group or others can write to it; run \"chmod go-w " + path + "\"");
        }
    }

    private static void refuseLink(String what, Path path, BasicFileAttributes attributes, String fix)
            throws SmimeException {
        if (attributes.isSymbolicLink()) {
            throw SmimeException.badInput(what + " " + path + " is a symbolic link" + target(path)
                    + "; links inside the store are refused: " + fix);
        }
    }

    private static String target(Path link) {
        try {
            return " to " + Quoted.of(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
