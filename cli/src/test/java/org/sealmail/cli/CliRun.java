package org.sealmail.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the tool: its exit code and everything it printed. */
record CliRun(int exitCode, byte[] stdout, String stderr) {

    static CliRun of(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin),
                new PrintStream(out, true), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun of(String... args) {
        return of(new byte[0], args);
    }

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Errors are one line, never a stack trace. */
    boolean stderrIsOneLine() {
        return isOneLine(stderr);
    }

    static boolean isOneLine(String stderr) {
        return stderr.endsWith("\n") && stderr.indexOf('\n') == stderr.length() - 1
                && !stderr.contains("\tat ") && !stderr.contains("Exception");
    }
}
