package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code sealmail encrypt --der} writes, every real decrypter turns back into the input. */
class DerInteropTest {

    static final List<TestKey> RSA_KEYS =
            List.of(new TestKey("rsa2048"), new TestKey("rsa3072"), new TestKey("rsa4096"));
    static final List<String> CIPHERS = List.of(SealmailCli.AES128, SealmailCli.AES256);

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

    static Stream<Arguments> peerKeyCipher() {
        return Stream.of(Peer.values()).flatMap(peer -> RSA_KEYS.stream().flatMap(key ->
                CIPHERS.stream().map(cipher -> Arguments.of(peer, key, cipher))));
    }

    @ParameterizedTest(name = "{0} decrypts sealmail --der --cipher {2} for {1}")
    @MethodSource("peerKeyCipher")
    void peerDecryptsToExactlyTheInput(Peer peer, TestKey key, String cipher) {
        Decrypter decrypter = peers.holding(peer, key);
        byte[] payload = Payload.allByteValues();

        byte[] der = SealmailCli.encryptDer(payload, cipher, key.certificate());

        assertArrayEquals(payload, decrypter.decryptCms(der));
    }
}
