package org.sealmail.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
     * Creates {@code folder} as 0700 when it is missing, its parents with default permissions.
     * Whether an existing folder may be used is for {@link TrustedPath} to say.
     */
    static void createFolder(Path folder) throws SmimeException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            create(folder);
        } catch (IOException e) {
            throw StoreFailure.io("cannot create the folder", folder, e);
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

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
