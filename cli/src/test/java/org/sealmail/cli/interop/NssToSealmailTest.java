package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What NSS {@code cmsutil -E} writes (BER: indefinite lengths, the ciphertext in OCTET STRING
 * chunks), {@code sealmail decrypt --der} opens with the PKCS#12 file or the bare PEM key:
 * every size of RSA key, several payload sizes, and a message for the three bundle members.
 * One NSS database for the class, each encryption made once.
 */
class NssToSealmailTest {

    static final List<TestKey> RSA_KEYS = DerInteropTest.RSA_KEYS;
    static final List<TestKey> MEMBERS = BundleInteropTest.MEMBERS;
    static final Map<String, byte[]> PAYLOADS = Map.of(
            "4099 bytes of every value", Payload.allByteValues(),
            "empty content", new byte[0],
            "256 KiB", repeated(Payload.allByteValues(), 256 * 1024));

    @TempDir
    static Path workDir;
    private static NssEncrypter nss;
    private static SealmailDecrypt sealmail;
    private static final Map<String, byte[]> ENCRYPTED = new ConcurrentHashMap<>();

    @BeforeAll
    static void setUp() {
        sealmail = new SealmailDecrypt(workDir);
        if (RequiredTool.isOnPath("cmsutil") && RequiredTool.isOnPath("certutil")) {
            nss = NssEncrypter.create(workDir.resolve("nss"),
                    Stream.concat(RSA_KEYS.stream(), MEMBERS.stream()).toList());
        }
    }

    @AfterAll
    static void tearDown() {
        if (nss != null) {
            nss.close();
        }
    }

    static Stream<Arguments> keyPayloadKeyFile() {
        return RSA_KEYS.stream().flatMap(key -> PAYLOADS.keySet().stream().sorted().flatMap(payload ->
                KeyFile.basicForms(key).stream().map(keyFile -> Arguments.of(key, payload, keyFile))));
    }

    @ParameterizedTest(name = "cmsutil -E for {0}, {1}, opened with {2}")
    @MethodSource("keyPayloadKeyFile")
    void sealmailGivesBackWhatNssEncrypted(TestKey key, String payloadName, KeyFile keyFile) {
        byte[] ber = encryptedOnce(payloadName, List.of(key));

        assertArrayEquals(PAYLOADS.get(payloadName), sealmail.cms(ber, keyFile));
    }

    static Stream<Arguments> memberKeyFiles() {
        return MEMBERS.stream().flatMap(member -> KeyFile.basicForms(member).stream().map(Arguments::of));
    }

    @ParameterizedTest(name = "cmsutil -E for the three bundle members, opened with {0} alone")
    @MethodSource("memberKeyFiles")
    void threeRecipientMessageOpensWithEachKey(KeyFile keyFile) {
        byte[] ber = encryptedOnce("4099 bytes of every value", MEMBERS);

        assertArrayEquals(Payload.allByteValues(), sealmail.cms(ber, keyFile));
    }

    @ParameterizedTest(name = "cmsutil -E writes BER with an indefinite-length outer SEQUENCE for {0}")
    @MethodSource("rsaKeys")
    void nssReallyWritesBer(TestKey key) {
        byte[] ber = encryptedOnce("4099 bytes of every value", List.of(key));

        assertEquals(0x30, ber[0] & 0xff);
        assertEquals(0x80, ber[1] & 0xff, "not an indefinite length: this test no longer covers BER");
    }

    static Stream<TestKey> rsaKeys() {
        return RSA_KEYS.stream();
    }

    private static byte[] encryptedOnce(String payloadName, List<TestKey> recipients) {
        Peer.NSS.assumeInstalled();
        return ENCRYPTED.computeIfAbsent(payloadName + recipients,
                id -> nss.encrypt(PAYLOADS.get(payloadName), recipients));
    }

    private static byte[] repeated(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (block[i % block.length] ^ (i >>> 12));
        }
        return out;
    }
}
