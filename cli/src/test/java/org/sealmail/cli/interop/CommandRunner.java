package org.sealmail.cli.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command and never hangs: stdin comes from a file, stdout and stderr go to
 * files (so a daemon the command leaves behind holding a pipe cannot block the reader), and a
 * command that outlives the timeout is killed with its descendants and fails the test.
 */
final class CommandRunner {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private CommandRunner() {
    }

    static CommandResult run(List<String> command, Map<String, String> environment, byte[] stdin) {
        Path in = null;
        try {
            in = Files.createTempFile("stdin", ".bin");
            Files.write(in, stdin);
            return run(command, environment, in, DEFAULT_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(in);
        }
    }

    static CommandResult run(List<String> command, Map<String, String> environment, Path stdin,
            Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("stdout", ".bin");
            err = Files.createTempFile("stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(stdin.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!waitFor(process, timeout)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                waitFor(process, Duration.ofSeconds(5));
                throw new AssertionError(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s and was killed\n--- stderr ---\n"
                        + new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
            }
            return new CommandResult(List.copyOf(command), process.exitValue(),
                    Files.readAllBytes(out), new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file of test output is harmless
            }
        }
    }
}
