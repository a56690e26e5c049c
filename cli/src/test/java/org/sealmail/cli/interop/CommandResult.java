package org.sealmail.cli.interop;

import java.util.List;

/** What an external command did: its exit code and everything it wrote. */
record CommandResult(List<String> command, int exitCode, byte[] stdout, String stderr) {

    /** Fails the test, naming the command and quoting its stderr, unless it exited 0. */
    CommandResult requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + exitCode
                    + "\n--- stderr ---\n" + stderr);
        }
        return this;
    }
}
