package org.sealmail.cli.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.sealmail.core.testing.TestData;

/**
 * The packaged tool, {@code cli/target/sealmail.jar}, run as a real process: for what Main.run
 * cannot show, such as reading the environment. Tests using it skip unless the jar exists and
 * is newer than every main source ({@code mvn -pl cli -am package -DskipTests} makes it).
 */
final class SealmailJar {

    private SealmailJar() {
    }

    static Path assumeFresh() {
        Path root = TestData.root();
        Path jar = root.resolve("cli/target/sealmail.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                () -> jar + " is missing; run mvn -pl cli -am package -DskipTests to run this test");
        FileTime built = modified(jar);
        Path newer = Stream.of("pom.xml", "core/pom.xml", "cli/pom.xml", "core/src/main", "cli/src/main")
                .map(root::resolve)
                .flatMap(SealmailJar::filesUnder)
                .filter(file -> modified(file).compareTo(built) > 0)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(newer == null,
                () -> jar + " is older than " + newer + "; package again to run this test");
        return jar;
    }

    /** {@code java -jar sealmail.jar ARGS...} with {@code environment} added to this process's. */
    static CommandResult run(Map<String, String> environment, byte[] stdin, List<String> args) {
        Path jar = assumeFresh();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        return CommandRunner.run(command, environment, stdin);
    }

    private static Stream<Path> filesUnder(Path path) {
        if (!Files.exists(path)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
