package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sealmail.core.testing.TestData;

/**
 * {@code sealmail decrypt --password-env VAR} in a real process, since Main.run cannot be given
 * an environment: the password comes from VAR, a wrong one is refused, an empty one opens an
 * empty-password PKCS#12 file, and the exit codes reach the shell.
 */
class DecryptPasswordEnvTest {

    static final String VARIABLE = "SEALMAIL_TEST_KEY_PASSWORD";
    static final String MODERN_P12 = TestData.pki("rsa2048-modern.p12").toString();

    private static byte[] message;
    private static byte[] smime;

    @BeforeAll
    static void encryptOnce() {
        message = TestData.read(TestData.message("sample.eml"));
        smime = SealmailCli.encryptSmime(message, TestKey.RSA2048.certificate());
    }

    @Test
    void passwordFromTheVariableOpensTheModernPkcs12File() {
        CommandResult result = SealmailProcess.run(Map.of(VARIABLE, KeyFile.PASSWORD), smime,
                List.of("decrypt", "--key", MODERN_P12, "--password-env", VARIABLE)).requireSuccess();

        assertEquals(ExpectedMessage.text(message), ExpectedMessage.text(result.stdout()));
        assertEquals("", result.stderr());
    }

    @Test
    void wrongPasswordInTheVariableExits65() {
        CommandResult result = SealmailProcess.run(Map.of(VARIABLE, "not-the-password"), smime,
                List.of("decrypt", "--key", MODERN_P12, "--password-env", VARIABLE));

        assertEquals(65, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("wrong password for the PKCS#12 file"), result.stderr());
        assertEquals(0, result.stdout().length);
    }

    @Test
    void emptyVariableOpensAnEmptyPasswordPkcs12File() {
        CommandResult result = SealmailProcess.run(Map.of(VARIABLE, ""), smime,
                List.of("decrypt", "--key", TestKey.RSA2048.legacyPkcs12().toString(), "--password-env", VARIABLE))
                .requireSuccess();

        assertEquals(ExpectedMessage.text(message), ExpectedMessage.text(result.stdout()));
    }

    @Test
    void unsetVariableExits64() {
        String unset = "SEALMAIL_TEST_SURELY_UNSET_VARIABLE";
        Assumptions.assumeTrue(System.getenv(unset) == null, unset + " is set");

        CommandResult result = SealmailProcess.run(Map.of(), smime,
                List.of("decrypt", "--key", MODERN_P12, "--password-env", unset));

        assertEquals(64, result.exitCode(), result.stderr());
        assertEquals("sealmail decrypt: environment variable " + unset
                + " is not set (see sealmail decrypt --help)\n", result.stderr());
        assertEquals(0, result.stdout().length);
    }

    @Test
    void passwordInTheVariableIsNotPrintedWhenWrong() {
        String secret = "a-secret-that-must-not-appear";
        CommandResult result = SealmailProcess.run(Map.of(VARIABLE, secret), smime,
                List.of("decrypt", "--key", MODERN_P12, "--password-env", VARIABLE));

        assertEquals(65, result.exitCode(), result.stderr());
        assertFalse(result.stderr().contains(secret), result.stderr());
        assertFalse(new String(result.stdout(), StandardCharsets.ISO_8859_1).contains(secret));
    }
}
