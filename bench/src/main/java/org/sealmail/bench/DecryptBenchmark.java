package org.sealmail.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decryption of the same S/MIME message (made by sealmail, one RSA-2048 recipient) by sealmail and
 * by Bouncy Castle, against the raw JCE AES-CBC decryption of a ciphertext of the same size.
 * Scores are messages per second; the report multiplies by {@code size} (the plaintext size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class DecryptBenchmark {

    @Param({"4096", "65536", "1048576", "16777216"})
    public int size;

    @Param({Ciphers.AES128_CBC, Ciphers.AES256_CBC})
    public String cipher;

    private byte[] smimeMessage;
    private byte[] ciphertext;
    private Sealmail sealmail;
    private JceAesCbc jce;
    private BouncyCastleSmime bouncyCastle;

    @Setup
    public void setUp() throws Exception {
        byte[] message = Messages.ofSize(size);
        Pki.Recipients recipient = Pki.rsa2048();
        sealmail = new Sealmail(recipient.certificatesPem(), cipher, recipient.keyPem());
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream(size + size / 3 + 4096);
        sealmail.encrypt(message, encrypted);
        smimeMessage = encrypted.toByteArray();
        jce = new JceAesCbc(cipher);
        ciphertext = jce.encrypted(message);
        bouncyCastle = new BouncyCastleSmime(recipient.certificates(), recipient.key(), cipher, BouncyCastleSmime.BC);
    }

    @Benchmark
    public long sealmail() throws Exception {
        Sink out = new Sink();
        sealmail.decrypt(new ByteArrayInputStream(smimeMessage), out);
        return out.checksum();
    }

    @Benchmark
    public long jce() throws Exception {
        Sink out = new Sink();
        jce.decrypt(ciphertext, out);
        return out.checksum();
    }

    @Benchmark
    public long bouncyCastle() throws Exception {
        Sink out = new Sink();
        bouncyCastle.decrypt(smimeMessage, out);
        return out.checksum();
    }
}
