package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void withoutArgumentsPrintsUsageAndExits64() {
        CliRun run = CliRun.of();
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.stderr().startsWith("usage: sealmail COMMAND"));
    }

    @Test
    void toolHelpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.stdoutText().contains("  encrypt "), run.stdoutText());
        assertTrue(run.stdoutText().contains("  certs "), run.stdoutText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypt", "certs"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.stdoutText().startsWith("usage: sealmail " + command), run.stdoutText());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of("encrpyt");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("sealmail: unknown command \"encrpyt\"; see sealmail --help\n", run.stderr());
    }

    @Test
    void anUnknownOptionIsAOneLineUsageError() {
        CliRun run = CliRun.of("encrypt", "--cert", "x.pem", "--chiper", "aes128-cbc");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("sealmail encrypt: unknown option --chiper (see sealmail encrypt --help)\n", run.stderr());
    }
}
