package org.sealmail.cli.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh GNUPGHOME for gpgsm. It lives under /tmp with a short name because gpg-agent's socket
 * path must fit in about 107 characters; {@link #close()} stops the agent gpgsm started there and
 * removes the home. Every gpgsm run uses {@code --disable-dirmngr}: no certificate or CRL lookups
 * and no dirmngr process.
 */
final class GpgsmHome implements AutoCloseable {

    private final Path dir;

    private GpgsmHome(Path dir) {
        this.dir = dir;
    }

    static GpgsmHome create() {
        Path tmp = Path.of("/tmp");
        try {
            var owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            return new GpgsmHome(Files.isDirectory(tmp)
                    ? Files.createTempDirectory(tmp, "gs", owner)
                    : Files.createTempDirectory("gs", owner));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Writes a configuration file (gpg-agent.conf, trustlist.txt, ...) into the home. */
    void writeFile(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gpgsm --batch --disable-dirmngr ARGS...} against this home, {@code stdin} as input. */
    CommandResult gpgsm(byte[] stdin, List<String> args) {
        List<String> command = new ArrayList<>(List.of("gpgsm", "--batch", "--disable-dirmngr"));
        command.addAll(args);
        return CommandRunner.run(command, environment(), stdin);
    }

    private Map<String, String> environment() {
        return Map.of("GNUPGHOME", dir.toString());
    }

    @Override
    public void close() {
        try {
            CommandRunner.run(List.of("gpgconf", "--kill", "all"), environment(), new byte[0])
                    .requireSuccess();
        } finally {
            ScratchFiles.deleteTree(dir);
        }
    }
}
