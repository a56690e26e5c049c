package org.sealmail.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.keys.KeyFiles;

/** Reads the key files given with {@code --key}, each refusal naming its file. */
final class KeyFileLoader {

    private KeyFileLoader() {
    }

    static List<DecryptionKey> load(List<String> files, char[] password) throws CommandFailure {
        List<DecryptionKey> keys = new ArrayList<>();
        for (String file : files) {
            byte[] bytes = FileAccess.readSmallFile(file);
            try {
                keys.addAll(KeyFiles.read(bytes, password));
            } catch (SmimeException e) {
                throw new CommandFailure(ExitCode.of(e.reason()), file + ": " + e.getMessage());
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return keys;
    }
}
