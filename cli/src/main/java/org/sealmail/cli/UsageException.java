package org.sealmail.cli;

/** The command line itself is wrong: unknown option, missing value, missing argument. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
