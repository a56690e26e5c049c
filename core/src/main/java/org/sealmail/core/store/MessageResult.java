package org.sealmail.core.store;

/**
 * What a bulk job did with one message.
 *
 * @param reason why it was left unchanged or failed; empty when replaced
 */
record MessageResult(Kind kind, String reason) {

    enum Kind {
        /** Replaced by its new version (or would be, in a dry run). */
        REPLACED,
        /** Left as it is, as nothing was to be done (already encrypted, say). */
        UNCHANGED,
        /** Left as it is: it cannot be processed (bad message, no key opens it). */
        FAILED,
        /** Left as it is: reading or writing failed; a later run may succeed. */
        IO_FAILED,
        /** A mail reader renamed it (a flag change) while the job worked: left for the next run. */
        CHANGED,
        /** Deleted while the job worked. */
        VANISHED
    }

    static MessageResult of(Kind kind) {
        return new MessageResult(kind, "");
    }

    static MessageResult of(Kind kind, String reason) {
        return new MessageResult(kind, reason);
    }
}
