package org.sealmail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.sealmail.core.LimitedRead;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;

/** Opens the files a command names, turning each failure into the exit code it deserves. */
final class FileAccess {

    /** Certificates and keys are small; anything larger is a mistake (e.g. --cert /dev/zero). */
    static final int SMALL_FILE_LIMIT = Limits.DEFAULT.maxKeyFileBytes();

    private FileAccess() {
    }

    /** The named file, or stdin when {@code path} is null or "-". */
    static InputStream openInput(String path, Console console) throws CommandFailure {
        if (path == null || path.equals("-")) {
            return console.stdin();
        }
        refuseDirectory(path);
        try {
            return Files.newInputStream(Path.of(path));
        } catch (IOException e) {
            throw cannotOpen(path, e);
        }
    }

    /** The named file when it is a regular file (its size is known up front); null for stdin, a pipe, a device. */
    static Path regularFile(String path) {
        if (path == null || path.equals("-")) {
            return null;
        }
        Path file = Path.of(path);
        return Files.isRegularFile(file) ? file : null;
    }

    /** A whole small file (a certificate bundle, a key), refusing one over the limit. */
    static byte[] readSmallFile(String path) throws CommandFailure {
        refuseDirectory(path);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return LimitedRead.readAll(in, SMALL_FILE_LIMIT, path, Limits.Limit.KEY_FILE_BYTES);
        } catch (SmimeException e) {
            throw new CommandFailure(ExitCode.DATA_ERROR, e.getMessage() + "; not a certificate or key file");
        } catch (IOException e) {
            throw cannotOpen(path, e);
        }
    }

    /** Linux opens a folder for reading and fails only at the first read: say it up front. */
    private static void refuseDirectory(String path) throws CommandFailure {
        if (Files.isDirectory(Path.of(path))) {
            throw new CommandFailure(ExitCode.NO_INPUT, "cannot open " + path + ": is a directory");
        }
    }

    static CommandFailure cannotOpen(String path, IOException e) {
        int code = e instanceof AccessDeniedException ? ExitCode.PERMISSION : ExitCode.NO_INPUT;
        return new CommandFailure(code, "cannot open " + path + ": " + reason(path, e));
    }

    /** Why a file could not be opened or created, in a few words. */
    static String reason(String path, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (Files.isDirectory(Path.of(path))) {
            why = "is a directory";
        } else {
            why = e.getMessage();
        }
        return why;
    }
}
