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
 * GnuPG's S/MIME tool (KMail, Kleopatra): a fresh GNUPGHOME holding one key imported from its
 * legacy PKCS#12 file, and {@code gpgsm --decrypt}. The home lives under /tmp with a short name
 * because gpg-agent's socket path must fit in about 107 characters; {@link #close()} stops the
 * agent it started and removes the home.
 */
final class GpgsmDecrypter implements Decrypter {

    /** Answers the passphrase prompt of an empty-password key without a pinentry program. */
    private static final byte[] EMPTY_PASSPHRASE = "\n".getBytes(StandardCharsets.US_ASCII);

    private final Path home;
    private final ScratchFiles scratch;

    private GpgsmDecrypter(Path home, ScratchFiles scratch) {
        this.home = home;
        this.scratch = scratch;
    }

    static GpgsmDecrypter create(TestKey key, Path workDir) {
        Path home = shortHome();
        GpgsmDecrypter gpgsm = new GpgsmDecrypter(home, new ScratchFiles(workDir));
        boolean ready = false;
        try {
            writeAgentConf(home);
            gpgsm.run("--import", key.legacyPkcs12().toString()).requireSuccess();
            ready = true;
            return gpgsm;
        } finally {
            if (!ready) {
                gpgsm.close();
            }
        }
    }

    /** Lets gpgsm take the (empty) passphrase from stdin instead of asking a pinentry. */
    private static void writeAgentConf(Path home) {
        try {
            Files.writeString(home.resolve("gpg-agent.conf"), "allow-loopback-pinentry\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * gpgsm 2.2 logs an error, and so exits 2, for each recipient info it tries before its own
     * (certificate not in the keybox, or no secret key), yet writes the right plaintext. Success
     * is therefore judged by the status line DECRYPTION_OKAY (with {@code --status-fd 2}), and
     * the plaintext is compared by the test anyway.
     */
    @Override
    public byte[] decryptCms(byte[] contentInfo) {
        Path input = scratch.write("in", ".der", contentInfo);
        try {
            CommandResult result = run("--status-fd", "2", "--decrypt", input.toString());
            boolean okay = result.stderr().contains("[GNUPG:] DECRYPTION_OKAY")
                    && !result.stderr().contains("[GNUPG:] DECRYPTION_FAILED");
            if (!okay) {
                result.requireSuccess();
                throw new AssertionError(String.join(" ", result.command())
                        + " exited 0 without reporting DECRYPTION_OKAY\n--- stderr ---\n" + result.stderr());
            }
            return result.stdout();
        } finally {
            scratch.delete(input);
        }
    }

    /**
     * Runs gpgsm against this home. {@code --disable-dirmngr}: no certificate or CRL lookups
     * (and no dirmngr process); decryption never validates the recipient's chain.
     */
    private CommandResult run(String... operation) {
        List<String> command = new ArrayList<>(List.of("gpgsm", "--batch", "--disable-dirmngr",
                "--pinentry-mode", "loopback", "--passphrase-fd", "0"));
        command.addAll(List.of(operation));
        return CommandRunner.run(command, environment(), EMPTY_PASSPHRASE);
    }

    private Map<String, String> environment() {
        return Map.of("GNUPGHOME", home.toString());
    }

    @Override
    public void close() {
        try {
            CommandRunner.run(List.of("gpgconf", "--kill", "all"), environment(), new byte[0])
                    .requireSuccess();
        } finally {
            ScratchFiles.deleteTree(home);
            ScratchFiles.deleteTree(scratch.dir());
        }
    }

    private static Path shortHome() {
        Path tmp = Path.of("/tmp");
        try {
            if (Files.isDirectory(tmp)) {
                return Files.createTempDirectory(tmp, "gs",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createTempDirectory("gs",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
