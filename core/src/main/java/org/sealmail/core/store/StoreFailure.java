package org.sealmail.core.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import org.sealmail.core.SmimeException;

/** Turns an I/O failure into an IO {@link SmimeException} naming the action and the path. */
final class StoreFailure {

    private StoreFailure() {
    }

    /** e.g. "cannot write /srv/sealmail/accounts/alice.account: permission denied". */
    static SmimeException io(String action, Path path, IOException e) {
        return new SmimeException(SmimeException.Reason.IO, action + " " + path + ": " + why(e), e);
    }

    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
