package org.sealmail.core.mime;

import java.util.Objects;

/**
 * What {@link MessageEncryptor} did with a message.
 *
 * @param reason why the message passed through, for a note to the user; empty when encrypted
 */
public record Outcome(Status status, String reason) {

    public enum Status {
        ENCRYPTED,
        PASSED_THROUGH
    }

    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    public static Outcome encrypted() {
        return new Outcome(Status.ENCRYPTED, "");
    }

    public static Outcome passedThrough(String reason) {
        return new Outcome(Status.PASSED_THROUGH, reason);
    }

    public boolean wasEncrypted() {
        return status == Status.ENCRYPTED;
    }
}
