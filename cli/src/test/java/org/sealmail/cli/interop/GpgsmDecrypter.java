package org.sealmail.cli.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GnuPG's S/MIME tool (KMail, Kleopatra): a fresh {@link GpgsmHome} holding one key imported
 * from its legacy PKCS#12 file, and {@code gpgsm --decrypt}.
 */
final class GpgsmDecrypter implements Decrypter {

    /** Answers the passphrase prompt of an empty-password key without a pinentry program. */
    private static final byte[] EMPTY_PASSPHRASE = "\n".getBytes(StandardCharsets.US_ASCII);

    private final GpgsmHome home;
    private final ScratchFiles scratch;

    private GpgsmDecrypter(GpgsmHome home, ScratchFiles scratch) {
        this.home = home;
        this.scratch = scratch;
    }

    static GpgsmDecrypter create(TestKey key, Path workDir) {
        GpgsmDecrypter gpgsm = new GpgsmDecrypter(GpgsmHome.create(), new ScratchFiles(workDir));
        boolean ready = false;
        try {
            // Lets gpgsm take the (empty) passphrase from stdin instead of asking a pinentry.
            gpgsm.home.writeFile("gpg-agent.conf", "allow-loopback-pinentry\n");
            gpgsm.run("--import", key.legacyPkcs12().toString()).requireSuccess();
            ready = true;
            return gpgsm;
        } finally {
            if (!ready) {
                gpgsm.close();
            }
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

    private CommandResult run(String... operation) {
        List<String> args = new ArrayList<>(List.of("--pinentry-mode", "loopback", "--passphrase-fd", "0"));
        args.addAll(List.of(operation));
        return home.gpgsm(EMPTY_PASSPHRASE, args);
    }

    @Override
    public void close() {
        try {
            home.close();
        } finally {
            ScratchFiles.deleteTree(scratch.dir());
        }
    }
}
