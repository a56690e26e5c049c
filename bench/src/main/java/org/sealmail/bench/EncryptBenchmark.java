package org.sealmail.bench;

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
 * End-to-end S/MIME encryption of one message (one RSA-2048 recipient) three ways: sealmail,
 * the raw JCE AES-CBC ceiling and Bouncy Castle. Scores are messages per second; the report
 * multiplies by {@code size} for bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class EncryptBenchmark {

    @Param({"4096", "65536", "1048576", "16777216"})
    public int size;

    @Param({Ciphers.AES128_CBC, Ciphers.AES256_CBC})
    public String cipher;

    private byte[] message;
    private Sealmail sealmail;
    private JceAesCbc jce;
    private BouncyCastleSmime bouncyCastle;

    @Setup
    public void setUp() throws Exception {
        message = Messages.ofSize(size);
        Pki.Recipients recipient = Pki.rsa2048();
        sealmail = new Sealmail(recipient.certificatesPem(), cipher, null);
        jce = new JceAesCbc(cipher);
        bouncyCastle = new BouncyCastleSmime(recipient.certificates(), recipient.key(), cipher, BouncyCastleSmime.BC);
    }

    @Benchmark
    public long sealmail() throws Exception {
        Sink out = new Sink();
        sealmail.encrypt(message, out);
        return out.checksum();
    }

    @Benchmark
    public long jce() throws Exception {
        Sink out = new Sink();
        jce.encrypt(message, out);
        return out.checksum();
    }

    @Benchmark
    public long bouncyCastle() throws Exception {
        Sink out = new Sink();
        bouncyCastle.encrypt(message, out);
        return out.checksum();
    }
}
