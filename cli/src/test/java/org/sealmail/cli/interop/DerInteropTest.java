package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.core.cms.EnvelopedDataParser;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.cms.EnvelopedMessage;

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

    /** Over the writer's look-ahead: from a pipe its length is unknown, so sealmail writes BER. */
    static byte[] largerThanTheLookAhead() {
        byte[] payload = new byte[EnvelopedDataWriter.LOOKAHEAD_BYTES * 3 + 12345];
        new Random(20261206L).nextBytes(payload);
        return payload;
    }

    @ParameterizedTest(name = "{0} decrypts the BER sealmail --der writes from a pipe of unknown length")
    @EnumSource(Peer.class)
    void peerDecryptsTheBerWrittenFromAPipe(Peer peer) {
        TestKey key = RSA_KEYS.get(0);
        byte[] payload = largerThanTheLookAhead();

        byte[] ber = SealmailCli.encryptDer(payload, SealmailCli.AES128, key.certificate());

        assertEquals(0x30, ber[0] & 0xff);
        assertEquals(0x80, ber[1] & 0xff, "indefinite length, as openssl cms -stream writes");
        assertArrayEquals(payload, peers.holding(peer, key).decryptCms(ber));
    }

    @Test
    void fromARegularFileTheOutputIsDerWithDefiniteLengthsAndOpensLikeTheBer() throws IOException {
        TestKey key = RSA_KEYS.get(0);
        byte[] payload = largerThanTheLookAhead();
        Path file = Files.write(workDir.resolve("payload.bin"), payload);

        byte[] der = SealmailCli.encrypt(new byte[0], List.of("--cert", key.certificate().toString(), "--der",
                "--in", file.toString()));
        byte[] ber = SealmailCli.encryptDer(payload, SealmailCli.AES128, key.certificate());

        EnvelopedMessage parsed = assertDoesNotThrow(() -> EnvelopedDataParser.parse(der));
        assertFalse(parsed.ber(), "DER: no indefinite length, no chunked string");
        int lengthBytes = der[1] & 0x7f;
        assertEquals(0x80, der[1] & 0x80, "a definite length in the long form");
        long declared = 0;
        for (int i = 0; i < lengthBytes; i++) {
            declared = declared << 8 | der[2 + i] & 0xff;
        }
        assertEquals(der.length, 2 + lengthBytes + declared, "the outer length covers exactly the output");
        List<String> decrypt = List.of("--der", "--key", key.privateKey().toString());
        assertArrayEquals(payload, SealmailCli.decrypt(der, decrypt));
        assertArrayEquals(payload, SealmailCli.decrypt(ber, decrypt));
    }
}
