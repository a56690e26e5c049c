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
import org.sealmail.core.testing.TestData;

/** Encrypted once to a PEM file of three certificates, each member's key alone decrypts it. */
class BundleInteropTest {

    static final Path BUNDLE = TestData.pki("bundle-of-3.pem");
    static final List<TestKey> MEMBERS =
            List.of(new TestKey("bundle1"), new TestKey("bundle2"), new TestKey("bundle3"));

    @TempDir
    static Path workDir;
    private static PeerKeyrings peers;
    private static byte[] payload;
    private static byte[] der;

    @BeforeAll
    static void encryptOnce() {
        peers = new PeerKeyrings(workDir);
        payload = Payload.allByteValues();
        der = SealmailCli.encryptDer(payload, SealmailCli.AES256, BUNDLE);
    }

    @AfterAll
    static void tearDown() {
        peers.close();
    }

    static Stream<Arguments> peerAndMember() {
        return Stream.of(Peer.values()).flatMap(peer ->
                MEMBERS.stream().map(member -> Arguments.of(peer, member)));
    }

    @ParameterizedTest(name = "{0} holding only {1} decrypts a message for bundle-of-3.pem")
    @MethodSource("peerAndMember")
    void eachMemberAloneDecrypts(Peer peer, TestKey member) {
        Decrypter decrypter = peers.holding(peer, member);

        assertArrayEquals(payload, decrypter.decryptCms(der));
    }
}
