package org.sealmail.cli.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tool run as a real process ({@code java -cp <the test classpath> org.sealmail.cli.Main}):
 * for what Main.run cannot show, such as reading the environment. It needs no packaged jar, so
 * it runs in every build, before the package phase too.
 */
final class SealmailProcess {

    private SealmailProcess() {
    }

    /**
     * Starts {@code sealmail ARGS...} and returns at once, so a test can kill it midway; stdin is
     * empty, stdout and stderr go to the given files.
     */
    static Process start(List<String> args, Path stdout, Path stderr) {
        List<String> command = command(args);
        try {
            return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /** {@code sealmail ARGS...} with {@code environment} added to this process's. */
    static CommandResult run(Map<String, String> environment, byte[] stdin, List<String> args) {
        List<String> command = command(args);
        return CommandRunner.run(command, environment, stdin);
    }

    private static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.sealmail.cli.Main"));
        command.addAll(args);
        return command;
    }
}
