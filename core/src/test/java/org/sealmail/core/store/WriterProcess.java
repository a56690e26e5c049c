package org.sealmail.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sealmail.core.cms.ContentCipher;

/**
 * The child JVM of {@link ConcurrentWritersTest}: saves the shared account in its own version
 * and its own account, {@code SAVES} times each, starting when the test creates the go file.
 *
 * <p>Arguments: STORE_FOLDER a|b READY_FILE GO_FILE.
 */
public final class WriterProcess {

    static final String SHARED = "shared@example.org";
    static final int SAVES = 50;

    private WriterProcess() {
    }

    /** Writer a's and writer b's version of the shared account. */
    static Account version(String writer) {
        return writer.equals("a")
                ? new Account(SHARED, Certificates.of("rsa2048.pem", "rsa3072.pem"), ContentCipher.AES128_CBC, true)
                : new Account(SHARED, Certificates.of("bundle-of-3.pem"), ContentCipher.AES256_CBC, false);
    }

    static String ownAccount(String writer) {
        return "writer-" + writer;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String writer = args[1];
        Path ready = Path.of(args[2]);
        Path go = Path.of(args[3]);

        AccountStore store = AccountStore.open(folder);
        Account shared = version(writer);
        Account own = new Account(ownAccount(writer), Certificates.of("rsa4096.pem"), ContentCipher.DEFAULT, true);
        Files.createFile(ready);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go file after 30 s: " + go);
            }
            Thread.sleep(1);
        }
        for (int i = 0; i < SAVES; i++) {
            store.save(shared);
            store.save(own.withEncryption(i % 2 == 0));
        }
        System.out.println(List.of(writer, "done"));
    }
}
