package org.sealmail.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command runs with; tests pass their own. */
record Console(InputStream stdin, PrintStream stdout, PrintStream stderr) {

    /** A line on stderr that is not an error: a warning or a note. */
    void note(String command, String text) {
        stderr.println("sealmail " + command + ": " + OneLine.of(text));
    }
}
