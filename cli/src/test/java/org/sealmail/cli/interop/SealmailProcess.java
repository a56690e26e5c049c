package org.sealmail.cli.interop;

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

    /** {@code sealmail ARGS...} with {@code environment} added to this process's. */
    static CommandResult run(Map<String, String> environment, byte[] stdin, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.sealmail.cli.Main"));
        command.addAll(args);
        return CommandRunner.run(command, environment, stdin);
    }
}
