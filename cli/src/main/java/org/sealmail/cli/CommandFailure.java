package org.sealmail.cli;

/** A failure the command has already put into words, with the exit code it ends with. */
final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
