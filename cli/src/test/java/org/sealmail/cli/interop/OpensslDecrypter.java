package org.sealmail.cli.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code openssl cms -decrypt} with the PEM certificate and PKCS#8 key of one test key. */
final class OpensslDecrypter implements Decrypter {

    private final TestKey key;
    private final ScratchFiles scratch;

    OpensslDecrypter(TestKey key, Path workDir) {
        this.key = key;
        this.scratch = new ScratchFiles(workDir);
    }

    @Override
    public byte[] decryptCms(byte[] contentInfo) {
        return decrypt("DER", scratch.write("in", ".der", contentInfo));
    }

    /** Decrypts an S/MIME message, letting OpenSSL parse the MIME entity itself. */
    byte[] decryptSmime(byte[] message) {
        return decrypt("SMIME", scratch.write("in", ".eml", message));
    }

    private byte[] decrypt(String inform, Path input) {
        try {
            return CommandRunner.run(List.of("openssl", "cms", "-decrypt", "-inform", inform,
                    "-in", input.toString(),
                    "-recip", key.certificate().toString(),
                    "-inkey", key.privateKey().toString()), Map.of(), new byte[0])
                    .requireSuccess().stdout();
        } finally {
            scratch.delete(input);
        }
    }

    @Override
    public void close() {
        // openssl keeps no state between runs
    }
}
