package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves the peer set-up works without sealmail: what OpenSSL encrypts, each peer decrypts,
 * and a peer holding another key refuses. If these fail, the interop tests prove nothing.
 */
class HarnessSelfCheckTest {

    private static final TestKey OTHER_KEY = new TestKey("rsa3072");

    @TempDir
    static Path workDir;
    private static PeerKeyrings peers;

    @BeforeAll
    static void setUp() {
        peers = new PeerKeyrings(workDir);
    }

    @AfterAll
    static void tearDown() {
        peers.close();
    }

    @ParameterizedTest(name = "{0} decrypts what openssl cms -encrypt -aes256 made")
    @EnumSource(Peer.class)
    void peerDecryptsOpensslOutput(Peer peer) {
        Decrypter decrypter = peers.holding(peer, TestKey.RSA2048);
        byte[] payload = Payload.allByteValues();

        byte[] der = OpensslEncrypter.encryptDer(payload, "-aes256", TestKey.RSA2048);

        assertArrayEquals(payload, decrypter.decryptCms(der));
    }

    @ParameterizedTest(name = "{0} holding another key refuses to decrypt")
    @EnumSource(Peer.class)
    void peerHoldingAnotherKeyFails(Peer peer) {
        Decrypter decrypter = peers.holding(peer, OTHER_KEY);
        byte[] der = OpensslEncrypter.encryptDer(Payload.allByteValues(), "-aes256", TestKey.RSA2048);

        AssertionError refused = assertThrows(AssertionError.class, () -> decrypter.decryptCms(der));

        assertTrue(refused.getMessage().contains("exited"), refused.getMessage());
    }

    @Test
    void commandThatOutlivesItsTimeoutIsKilledAndFails() {
        RequiredTool.assumeOnPath("sleep", "coreutils");
        long start = System.nanoTime();

        AssertionError timeout = assertThrows(AssertionError.class, () -> CommandRunner.run(
                List.of("sleep", "30"), Map.of(), Path.of("/dev/null"), Duration.ofMillis(300)));

        assertTrue(timeout.getMessage().contains("was killed"), timeout.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "took too long");
    }

    @Test
    void commandResultCarriesExitCodeStdoutAndStderr() {
        RequiredTool.assumeOnPath("sh", "dash");

        CommandResult result = CommandRunner.run(List.of("sh", "-c", "cat; echo oops >&2; exit 3"),
                Map.of(), new byte[] {0, (byte) 0xff, '\n'});

        assertEquals(3, result.exitCode());
        assertArrayEquals(new byte[] {0, (byte) 0xff, '\n'}, result.stdout());
        assertEquals("oops\n", result.stderr());
        assertThrows(AssertionError.class, result::requireSuccess);
    }
}
