package org.sealmail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tool as a child JVM ({@code java -Xmx128m -cp <test classpath> org.sealmail.cli.Main}),
 * for what only a real process shows: a small heap, closed pipes, full disks, signals. stderr goes
 * to a file; the caller picks stdin and stdout.
 */
final class ChildCli implements AutoCloseable {

    static final String HEAP = "-Xmx128m";
    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Path stderr;

    private ChildCli(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    /** Starts {@code sealmail ARGS}; {@code configure} sets stdin and stdout redirects. */
    static ChildCli start(java.util.function.Consumer<ProcessBuilder> configure, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), "org.sealmail.cli.Main"));
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile("sealmail-stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
            configure.accept(builder);
            return new ChildCli(builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process() {
        return process;
    }

    /**
     * Writes {@code input} to stdin on a thread of its own and closes it; a child that stops reading
     * early (a limit hit) closes the pipe, which ends the writing quietly.
     */
    Thread feed(InputStream input) {
        Thread writer = new Thread(() -> {
            try (OutputStream stdin = process.getOutputStream(); InputStream in = input) {
                in.transferTo(stdin);
            } catch (IOException expected) {
                // Broken pipe: the child refused the input before its end.
            }
        }, "feed-child-stdin");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    /** Waits for the exit code; a child still running after the timeout is killed and fails the test. */
    int exitCode() {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sealmail did not finish within " + TIMEOUT_SECONDS + " s; stderr: " + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line on stderr, never a stack trace. */
    boolean stderrIsOneLine() {
        return CliRun.isOneLine(stderr());
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }

    /** {@code prefix}, then {@code fill} repeated until {@code size} bytes, then {@code suffix}; made as it is read. */
    static InputStream generated(String prefix, byte fill, long size, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = suffix.getBytes(StandardCharsets.ISO_8859_1);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                long total = head.length + size + tail.length;
                if (position >= total) {
                    return -1;
                }
                int n = (int) Math.min(length, total - position);
                for (int i = 0; i < n; i++) {
                    long at = position + i;
                    buffer[offset + i] = at < head.length ? head[(int) at]
                            : at < head.length + size ? fill : tail[(int) (at - head.length - size)];
                }
                position += n;
                return n;
            }
        };
    }
}
