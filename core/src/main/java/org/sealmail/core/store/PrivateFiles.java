package org.sealmail.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.sealmail.core.SmimeException;

/**
 * Owner-only folders (0700) and files (0600). On file systems without POSIX permissions
 * (Windows) nothing is set or checked; there the folder's ACL inherited from its parent applies.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** The attribute that creates a file as 0600, for Files.createTempFile and FileChannel.open. */
    static FileAttribute<?>[] fileAttributes(Path folder) {
        return isPosix(folder)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code folder} as 0700 when it is missing (its parents with default permissions);
     * refuses an existing folder that others than its owner can write to, since whoever can
     * write there can replace an account's certificates with their own.
     */
    static void ensureFolder(Path folder) throws SmimeException {
        try {
            if (!Files.exists(folder)) {
                create(folder);
            }
            if (!Files.isDirectory(folder)) {
                throw new SmimeException(SmimeException.Reason.IO, "store folder " + folder + ": not a folder");
            }
            if (isPosix(folder)) {
                refuseWritableByOthers(folder, Files.getPosixFilePermissions(folder));
            }
        } catch (IOException e) {
            throw StoreFailure.io("cannot open the store folder", folder, e);
        }
    }

    private static void create(Path folder) throws IOException {
        Path parent = folder.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (isPosix(folder)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
                // The umask may have taken bits from the owner; set the mode itself.
                Files.setPosixFilePermissions(folder, FOLDER);
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; it is checked like any existing folder.
        }
    }

    private static void refuseWritableByOthers(Path folder, Set<PosixFilePermission> permissions)
            throws SmimeException {
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw SmimeException.badInput("store folder " + folder + " has permissions "
                    + PosixFilePermissions.toString(permissions)
                    + ": group or others can write to it; run \"chmod go-w " + folder + "\"");
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
