package org.sealmail.core.keys;

/** Words for a JDK exception in a one-line message. */
final class JdkErrors {

    private JdkErrors() {
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }
}
