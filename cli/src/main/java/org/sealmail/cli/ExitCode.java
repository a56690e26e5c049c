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
    /**
     * Try again later: a read or write failed part way (a full disk), memory ran out, or the
     * account settings cannot be read now. A mail server keeps the message queued and retries
     * rather than bouncing it (Postfix treats only 75 this way, not 74).
     */
    public static final int TEMPORARY_FAILURE = 75;
    /** A file exists but may not be read. */
    public static final int PERMISSION = 77;

    private ExitCode() {
    }

    static int of(SmimeException.Reason reason) {
        return switch (reason) {
            case BAD_INPUT, UNSUPPORTED, NO_MATCHING_KEY -> DATA_ERROR;
            case IO -> TEMPORARY_FAILURE;
            case INTERNAL -> INTERNAL;
        };
    }
}
