package org.sealmail.bench;

import java.io.ByteArrayOutputStream;
import java.security.Security;
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
 * Bouncy Castle's CMS classes on the JDK's AES (provider SunJCE) instead of its own, at 16 MiB:
 * what the peer does when set up for speed, so the report can say how much of its gap is its
 * pure-Java AES rather than its CMS code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class BouncyCastleJdkAesBenchmark {

    @Param({"16777216"})
    public int size;

    @Param({Ciphers.AES128_CBC, Ciphers.AES256_CBC})
    public String cipher;

    private byte[] message;
    private byte[] smimeMessage;
    private BouncyCastleSmime bouncyCastle;

    @Setup
    public void setUp() throws Exception {
        message = Messages.ofSize(size);
        Pki.Recipients recipient = Pki.rsa2048();
        bouncyCastle = new BouncyCastleSmime(recipient.certificates(), recipient.key(), cipher,
                Security.getProvider("SunJCE"));
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        new Sealmail(recipient.certificatesPem(), cipher, null).encrypt(message, encrypted);
        smimeMessage = encrypted.toByteArray();
    }

    @Benchmark
    public long encrypt() throws Exception {
        Sink out = new Sink();
        bouncyCastle.encrypt(message, out);
        return out.checksum();
    }

    @Benchmark
    public long decrypt() throws Exception {
        Sink out = new Sink();
        bouncyCastle.decrypt(smimeMessage, out);
        return out.checksum();
    }
}
