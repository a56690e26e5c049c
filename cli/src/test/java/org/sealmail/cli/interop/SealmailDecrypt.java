package org.sealmail.cli.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sealmail decrypt} run in-process with some {@link KeyFile}s; the password of the
 * protected ones comes from a {@code --password-file} written once into a scratch folder.
 */
final class SealmailDecrypt {

    private final Path passwordFile;

    SealmailDecrypt(Path workDir) {
        this.passwordFile = new ScratchFiles(workDir).write("password", ".txt",
                (KeyFile.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    }

    Path passwordFile() {
        return passwordFile;
    }

    /** An S/MIME message in, the original message out; fails the test unless sealmail exits 0. */
    byte[] message(byte[] smime, KeyFile... keys) {
        return SealmailCli.decrypt(smime, keyOptions(keys));
    }

    /** {@code --der}: a CMS object (DER, BER or PEM) in, its content out; fails unless exit 0. */
    byte[] cms(byte[] cms, KeyFile... keys) {
        List<String> options = keyOptions(keys);
        options.add("--der");
        return SealmailCli.decrypt(cms, options);
    }

    /** {@code --key FILE} for each key, and {@code --password-file} when any key needs it. */
    List<String> keyOptions(KeyFile... keys) {
        List<String> options = new ArrayList<>();
        boolean password = false;
        for (KeyFile key : keys) {
            options.add("--key");
            options.add(key.path().toString());
            password |= key.needsPassword();
        }
        if (password) {
            options.add("--password-file");
            options.add(passwordFile.toString());
        }
        return options;
    }
}
