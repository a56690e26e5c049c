package org.sealmail.cli;

import org.sealmail.core.SmimeException;

/** The sysexits(3) codes sealmail ends with; mail servers read them to bounce or retry. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int USAGE = 64;
    public static final int DATA_ERROR = 65;
    public static final int NO_INPUT = 66;
    public static final int NO_SUCH_USER = 67;
    public static final int INTERNAL = 70;
    public static final int CANNOT_CREATE = 73;
    /** A read or write failed part way; mail servers treat it as temporary and retry. */
    public static final int IO_ERROR = 74;
    /** Try again later: a mail server keeps the message queued rather than bouncing it. */
    public static final int TEMPORARY_FAILURE = 75;

    private ExitCode() {
    }

    static int of(SmimeException.Reason reason) {
        return switch (reason) {
            case BAD_INPUT, UNSUPPORTED, NO_MATCHING_KEY -> DATA_ERROR;
            case IO -> IO_ERROR;
            case INTERNAL -> INTERNAL;
        };
    }
}
