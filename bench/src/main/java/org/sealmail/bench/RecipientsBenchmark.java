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
 * What each recipient costs: a 4 KiB message with AES-256-CBC to 1, 3 and 10 RSA-2048
 * certificates, encrypted, and decrypted with the last recipient's key. Messages per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class RecipientsBenchmark {

    static final int MESSAGE_SIZE = 4096;

    @Param({"1", "3", "10"})
    public int recipients;

    private byte[] message;
    private byte[] smimeMessage;
    private Sealmail sealmail;

    @Setup
    public void setUp() throws Exception {
        message = Messages.ofSize(MESSAGE_SIZE);
        Pki.Recipients generated = Pki.generated(recipients);
        sealmail = new Sealmail(generated.certificatesPem(), Ciphers.AES256_CBC, generated.keyPem());
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        sealmail.encrypt(message, encrypted);
        smimeMessage = encrypted.toByteArray();
    }

    @Benchmark
    public long encrypt() throws Exception {
        Sink out = new Sink();
        sealmail.encrypt(message, out);
        return out.checksum();
    }

    @Benchmark
    public long decrypt() throws Exception {
        Sink out = new Sink();
        sealmail.decrypt(new ByteArrayInputStream(smimeMessage), out);
        return out.checksum();
    }
}
