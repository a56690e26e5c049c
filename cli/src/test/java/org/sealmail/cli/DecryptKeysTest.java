package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/** Several --key files: the old and the new key after a rotation. */
class DecryptKeysTest {

    @TempDir
    Path dir;

    private byte[] encryptedForRsa2048() {
        CliRun run = CliRun.of("encrypt", "--cert", TestData.pki("rsa2048.pem").toString(),
                "--in", TestData.message("sample.eml").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        return run.stdout();
    }

    @Test
    void anUnreadableKeyFileIsSkippedWithAWarningWhenAnotherOneOpensTheMessage() throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "not-the-modern-password\n");
        String modern = TestData.pki("rsa2048-modern.p12").toString();
        CliRun run = CliRun.of(encryptedForRsa2048(), "decrypt", "--key", modern,
                "--key", TestData.pki("rsa2048.key").toString(), "--password-file", password.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("sealmail decrypt: warning: key file skipped: " + modern
                + ": wrong password for the PKCS#12 file\n", run.stderr());
        assertTrue(run.stdoutText().contains("Keep them to yourself"));
    }

    @Test
    void whenNoKeyFileCanBeReadTheFirstFailureIsTheError() {
        String missing = dir.resolve("missing.p12").toString();
        CliRun run = CliRun.of(encryptedForRsa2048(), "decrypt", "--key", missing,
                "--key", TestData.pki("rsa2048.pem").toString());
        assertEquals(ExitCode.NO_INPUT, run.exitCode());
        assertEquals("sealmail decrypt: cannot open " + missing + ": no such file or directory\n", run.stderr());
    }
}
