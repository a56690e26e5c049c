package org.sealmail.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a command writes its result: stdout, or a file that appears only once complete
 * (see {@link AtomicFileOutput}); a device or pipe given as the file is written directly. Use in try-with-resources and call {@link #commit()} at the end;
 * a failure before that leaves no file behind and an existing file untouched.
 */
final class OutputTarget implements AutoCloseable {

    private final String path;
    private final AtomicFileOutput file;
    private final PrintStream stdout;
    private final OutputStream stream;

    private OutputTarget(String path, AtomicFileOutput file, PrintStream stdout, OutputStream stream) {
        this.path = path;
        this.file = file;
        this.stdout = stdout;
        this.stream = stream;
    }

    /** The file at {@code path}, or stdout when {@code path} is null or "-". */
    static OutputTarget open(String path, Console console) throws CommandFailure {
        if (path == null || path.equals("-")) {
            return new OutputTarget("standard output", null, console.stdout(),
                    new NonClosingOutputStream(console.stdout()));
        }
        try {
            Path target = Path.of(path);
            if (Files.isSymbolicLink(target)) {
                // Replace what the link points to, not the link.
                target = target.toRealPath();
            }
            if (Files.isDirectory(target)) {
                throw new CommandFailure(ExitCode.CANNOT_CREATE, "cannot create " + path + ": is a directory");
            }
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                // A device or a pipe (/dev/null, a FIFO) is written as it is: renaming over it would destroy it.
                return new OutputTarget(path, null, null, Files.newOutputStream(target, StandardOpenOption.WRITE));
            }
            AtomicFileOutput file = AtomicFileOutput.create(target);
            return new OutputTarget(path, file, null, file.stream());
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.CANNOT_CREATE, "cannot create " + path + ": " + FileAccess.reason(path, e));
        }
    }

    OutputStream stream() {
        return stream;
    }

    /** Whether the output appears only on {@link #commit()} (a regular file), so what fails before is never seen. */
    boolean isAtomic() {
        return file != null;
    }

    void commit() throws CommandFailure {
        try {
            stream.flush();
            if (file != null) {
                file.commit();
            } else if (stdout == null) {
                stream.close();
            } else if (stdout.checkError()) {
                // PrintStream keeps write errors (a closed pipe, a full disk) to itself until asked.
                throw new IOException("write error");
            }
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.TEMPORARY_FAILURE, "cannot write " + path + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (file == null && stdout == null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // A device or pipe: nothing to undo.
            }
        }
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Nothing more to do: the temp file may stay, the target is untouched.
            }
        }
    }
}
