package org.sealmail.cli;

/** Keeps whatever is printed on stderr to one line, whatever a message holds. */
final class OneLine {

    private OneLine() {
    }

    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "(no detail)";
        }
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }
}
