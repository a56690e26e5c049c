package org.sealmail.core.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.CmsInput;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.keys.KeyFiles;
import org.sealmail.core.mime.MessageDecryptor;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.testing.TestData;
import org.sealmail.core.x509.CertificateBundle;

/**
 * The adapters: how each fuzz target reaches the library, one place per target. When an API
 * changes (say, CMS reading becomes a stream parser), re-point the adapter here and every fuzz
 * and regression test follows.
 */
public final class FuzzTargets {

    /** The password of the test key files under testdata/pki. */
    static final char[] PASSWORD = "sealmail-test".toCharArray();
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final int FUZZ_MAX_ITERATIONS = 20_000;

    private FuzzTargets() {
    }

    /** Certificate import, PEM and DER, as {@code certs}, {@code encrypt --cert} and the store read it. */
    public static FuzzTarget certificates() {
        return FuzzTarget.of("certificates", input -> CertificateBundle.parse(input, NOW));
    }

    /**
     * Private-key loading: PKCS#12, PKCS#8 (DER, PEM, encrypted), PKCS#1. The iteration limit is
     * lowered here: at the default (2,000,000 per derivation, three per file) a key file may
     * legitimately cost several seconds of PBKDF2, which would trip the fuzzer's time limit
     * whenever a mutation lands on an iteration count; parsing is what is under test.
     */
    public static FuzzTarget privateKeys() {
        Limits limits = Limits.DEFAULT.with(Limits.Limit.ITERATIONS, FUZZ_MAX_ITERATIONS);
        return FuzzTarget.of("private-keys", input -> KeyFiles.read(input, PASSWORD.clone(), limits));
    }

    /** CMS reading as {@code decrypt --der} does it, with the key the seeds are encrypted to. */
    public static FuzzTarget cms() {
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(testKey());
        return FuzzTarget.of("cms", input -> decryptor.decrypt(CmsInput.open(new ByteArrayInputStream(input)),
                OutputStream.nullOutputStream()));
    }

    /** S/MIME message reading as {@code decrypt} does it. */
    public static FuzzTarget smimeMessage() {
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(testKey());
        return FuzzTarget.of("smime-message", input -> MessageDecryptor.decrypt(
                new ByteArrayInputStream(input), OutputStream.nullOutputStream(), decryptor::decrypt));
    }

    /** Header splitting for {@code encrypt}; the content is drained rather than encrypted. */
    public static FuzzTarget headerSplit() {
        return FuzzTarget.of("header-split", input -> new MessageEncryptor().encrypt(
                new ByteArrayInputStream(input), OutputStream.nullOutputStream(), (entity, der) -> {
                    try {
                        entity.transferTo(der);
                    } catch (IOException e) {
                        throw new SmimeException(SmimeException.Reason.IO, e.getMessage(), e);
                    }
                }));
    }

    public static List<byte[]> certificateSeeds() {
        return pki("rsa2048.pem", "rsa2048.der", "bundle-of-3.pem", "ca-crl.pem", "ec.pem", "rsa1024.pem",
                "nokeyusage.pem", "expired.pem", "rsa2048-with-cert.pem", "ec-p256.pem", "ec-p521.pem", "x25519.pem",
                "x448.pem");
    }

    public static List<byte[]> privateKeySeeds() {
        return pki("rsa2048.key", "rsa2048-pkcs1.pem", "rsa2048-pkcs8.der", "rsa2048-encrypted.pem",
                "rsa2048-with-cert.pem", "rsa2048-modern.p12", "rsa2048-legacy.p12", "rsa2048-legacy-rc2.p12",
                "rsa2048-nomac.p12", "rsa2048-plain.p12",
                "rsa2048-traditional-encrypted.pem", "ec-p256.key", "ec-p256-sec1.pem", "ec-p256-encrypted.pem",
                "ec-p256-modern.p12", "x25519.key", "x25519-modern.p12");
    }

    /** BER from NSS and {@code openssl cms -stream}, DER, PEM; all encrypted to rsa2048. */
    public static List<byte[]> cmsSeeds() {
        return files(TestData.root().resolve("testdata/cms"), "openssl-stream.ber", "nss.ber",
                "openssl-two-recipients.der", "openssl-keyid.der", "openssl-stream.pem");
    }

    public static List<byte[]> smimeMessageSeeds() {
        return List.of(TestData.read(TestData.message("already-smime-real.eml")),
                TestData.read(TestData.root().resolve("testdata/cms/openssl-stream.eml")));
    }

    public static List<byte[]> headerSplitSeeds() {
        return files(TestData.root().resolve("testdata/messages"), "sample.eml", "multipart.eml", "lf-only.eml",
                "signed.eml", "already-smime.eml", "already-pgp-inline.eml", "already-pgp-mime.eml",
                "fake-smime-plaintext.eml", "already-smime-octet-stream.eml");
    }

    static List<DecryptionKey> testKey() {
        try {
            return KeyFiles.read(TestData.read(TestData.pki("rsa2048.key")), null);
        } catch (SmimeException e) {
            throw new IllegalStateException("cannot read the test key: " + e.getMessage(), e);
        }
    }

    private static List<byte[]> pki(String... names) {
        return files(TestData.root().resolve("testdata/pki"), names);
    }

    private static List<byte[]> files(Path folder, String... names) {
        return Fuzzer.seeds(java.util.Arrays.stream(names).map(folder::resolve).toList());
    }
}
