package org.sealmail.core;

/**
 * The one exception sealmail's library throws to its callers. It carries what kind of failure
 * it is (so a command line can pick an exit code) and a message a user can act on.
 */
public final class SmimeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, in terms a caller can act on. */
    public enum Reason {
        /** The input is malformed or refused (a certificate, a message, an encoding). */
        BAD_INPUT,
        /** Well-formed, but asks for something sealmail does not do (yet). */
        UNSUPPORTED,
        /** None of the keys given opens the message. */
        NO_MATCHING_KEY,
        /** Reading or writing failed. */
        IO,
        /** A bug or a broken JDK: something that cannot happen did. */
        INTERNAL
    }

    private final Reason reason;

    public SmimeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SmimeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public static SmimeException badInput(String message) {
        return new SmimeException(Reason.BAD_INPUT, message);
    }

    public static SmimeException unsupported(String message) {
        return new SmimeException(Reason.UNSUPPORTED, message);
    }

    /**
     * This exception carried through an {@code InputStream} or {@code OutputStream}, whose methods
     * may only throw IOException; {@link #fromIo} takes it out again.
     */
    public java.io.IOException asIoException() {
        return new java.io.IOException(getMessage(), this);
    }

    /** The exception {@link #asIoException} carried, or an I/O failure described as {@code what}. */
    public static SmimeException fromIo(String what, java.io.IOException e) {
        if (e.getCause() instanceof SmimeException carried) {
            return carried;
        }
        return new SmimeException(Reason.IO, what + ": " + e.getMessage(), e);
    }

    public Reason reason() {
        return reason;
    }
}
