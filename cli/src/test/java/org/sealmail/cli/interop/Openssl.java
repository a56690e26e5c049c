package org.sealmail.cli.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The harness's way of running {@code openssl} (skipped when missing, killed on timeout), for
 * command tests outside this package that compare sealmail's output with OpenSSL's.
 */
public final class Openssl {

    private Openssl() {
    }

    /** Skips the calling test when openssl is not on PATH. */
    public static void assumeInstalled() {
        RequiredTool.assumeOnPath("openssl", "openssl");
    }

    /** {@code openssl ARGS...}: its stdout; fails the test, quoting stderr, unless it exits 0. */
    public static byte[] run(String... args) {
        return result(args).requireSuccess().stdout();
    }

    /** Whether {@code openssl ARGS...} exits 0. */
    public static boolean succeeds(String... args) {
        return result(args).exitCode() == 0;
    }

    private static CommandResult result(String... args) {
        assumeInstalled();
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        return CommandRunner.run(command, Map.of(), new byte[0]);
    }
}
