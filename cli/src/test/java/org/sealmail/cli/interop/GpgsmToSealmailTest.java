package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
 * What {@code gpgsm --encrypt} writes, with each content cipher it offers that sealmail opens,
 * {@code sealmail decrypt --der} opens with the PKCS#12 file or the bare PEM key. One gpgsm home
 * for the class, each encryption made once.
 */
class GpgsmToSealmailTest {

    static final List<TestKey> RSA_KEYS = DerInteropTest.RSA_KEYS;
    /** gpgsm's --cipher-algo names: AES is AES-128-CBC. */
    static final List<String> CIPHERS = List.of("AES", "AES192", "AES256", "3DES");

    @TempDir
    static Path workDir;
    private static GpgsmEncrypter gpgsm;
    private static SealmailDecrypt sealmail;
    private static final Map<String, byte[]> ENCRYPTED = new ConcurrentHashMap<>();

    @BeforeAll
    static void setUp() {
        sealmail = new SealmailDecrypt(workDir);
        if (RequiredTool.isOnPath("gpgsm") && RequiredTool.isOnPath("gpgconf")) {
            gpgsm = GpgsmEncrypter.create(workDir.resolve("gpgsm"), RSA_KEYS);
        }
    }

    @AfterAll
    static void tearDown() {
        if (gpgsm != null) {
            gpgsm.close();
        }
    }

    static Stream<Arguments> cipherKeyKeyFile() {
        return CIPHERS.stream().flatMap(cipher -> RSA_KEYS.stream().flatMap(key ->
                KeyFile.basicForms(key).stream().map(keyFile -> Arguments.of(cipher, key, keyFile))));
    }

    @ParameterizedTest(name = "gpgsm --cipher-algo {0} (DER) for {1}, opened with {2}")
    @MethodSource("cipherKeyKeyFile")
    void sealmailGivesBackWhatGpgsmEncrypted(String cipher, TestKey key, KeyFile keyFile) {
        byte[] der = encryptedOnce(cipher, false, key);

        assertArrayEquals(Payload.allByteValues(), sealmail.cms(der, keyFile));
    }

    /**
     * gpgsm 2.2 {@code --armor} labels its PEM block "ENCRYPTED MESSAGE"; {@code sealmail decrypt
     * --der} accepts only CMS and PKCS7 and exits 65 with "expected one PEM block labelled CMS or
     * PKCS7, found [ENCRYPTED MESSAGE]". The base64 inside is the same CMS object as the DER
     * output (relabelled CMS, it opens).
     */
    @ParameterizedTest(name = "gpgsm --armor --cipher-algo {0} for {1}, opened with {2}")
    @MethodSource("cipherKeyKeyFile")
    void sealmailOpensGpgsmArmor(String cipher, TestKey key, KeyFile keyFile) {
        byte[] armored = encryptedOnce(cipher, true, key);
        assertTrue(new String(armored, StandardCharsets.US_ASCII)
                .startsWith("-----BEGIN ENCRYPTED MESSAGE-----"), "gpgsm's armor label changed");

        assertArrayEquals(Payload.allByteValues(), sealmail.cms(armored, keyFile));
    }

    private static byte[] encryptedOnce(String cipher, boolean armor, TestKey key) {
        Peer.GPGSM.assumeInstalled();
        return ENCRYPTED.computeIfAbsent(cipher + armor + key.name(),
                id -> gpgsm.encrypt(Payload.allByteValues(), cipher, armor, List.of(key)));
    }
}
