package org.sealmail.cli.huge;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.keys.KeyFiles;
import org.sealmail.core.mime.MessageDecryptor;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.x509.CertificateBundle;

/**
 * Run in a child JVM with a small heap: encrypts a generated message with the library in one
 * thread, decrypts it in another through an OS pipe, and prints the SHA-256 of the plaintext
 * that came out. Arguments: message|der, size in bytes, certificate PEM, key PEM, and for der
 * "sized" (length given: DER) or "unsized" (BER).
 */
public final class LibraryRoundTrip {

    private LibraryRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        boolean message = args[0].equals("message");
        long size = Long.parseLong(args[1]);
        CertificateBundle bundle = CertificateBundle.parse(Files.readAllBytes(Path.of(args[2])));
        EnvelopedDataWriter writer = new EnvelopedDataWriter(bundle, ContentCipher.AES128_CBC);
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(
                KeyFiles.read(Files.readAllBytes(Path.of(args[3])), new char[0]));
        boolean sized = args.length > 4 && args[4].equals("sized");

        Pipe pipe = Pipe.open();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread encrypting = new Thread(() -> {
            try (OutputStream out = Channels.newOutputStream(pipe.sink())) {
                InputStream content = new GeneratedMessage(size, message);
                if (message) {
                    new MessageEncryptor().encrypt(content, out, writer::encrypt);
                } else if (sized) {
                    writer.encrypt(content, size, out);
                } else {
                    writer.encrypt(content, out);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        encrypting.start();
        MessageDigest sha = GeneratedMessage.sha256();
        try (InputStream in = Channels.newInputStream(pipe.source());
                OutputStream plain = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            if (message) {
                MessageDecryptor.decrypt(in, plain, decryptor::decrypt);
            } else {
                decryptor.decrypt(in, plain);
            }
        }
        encrypting.join();
        if (failure.get() != null) {
            throw new AssertionError("encryption failed", failure.get());
        }
        System.out.println(HexFormat.of().formatHex(sha.digest()));
        System.out.println("max-heap " + Runtime.getRuntime().maxMemory());
    }

    static List<String> javaCommand(String heap) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-cp", System.getProperty("java.class.path"));
    }
}
