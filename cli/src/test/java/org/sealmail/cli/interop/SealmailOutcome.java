package org.sealmail.cli.interop;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What one in-process run of sealmail did: its arguments, exit code, stdout and stderr. */
record SealmailOutcome(List<String> args, int exitCode, byte[] stdout, String stderr) {

    /** The output; fails the test, quoting stderr, unless sealmail exited 0. */
    byte[] requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("sealmail " + String.join(" ", args) + " exited " + exitCode
                    + "\n--- stderr ---\n" + stderr);
        }
        return stdout;
    }

    /** Errors are exactly one line, never a stack trace. */
    boolean stderrIsOneLine() {
        return stderr.endsWith("\n") && stderr.indexOf('\n') == stderr.length() - 1
                && !stderr.contains("\tat ") && !stderr.contains("Exception");
    }

    String stdoutText() {
        return new String(stdout, StandardCharsets.ISO_8859_1);
    }
}
