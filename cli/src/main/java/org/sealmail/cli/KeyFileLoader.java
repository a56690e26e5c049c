package org.sealmail.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.keys.KeyFiles;

/**
 * Reads the key files given with {@code --key}. After a key rotation a user gives the old and the
 * new key; one that cannot be read (another password, a damaged file) is skipped with a warning
 * as long as another key was read, so the mail the readable key opens still opens.
 */
final class KeyFileLoader {

    private KeyFileLoader() {
    }

    static List<DecryptionKey> load(List<String> files, char[] password, Console console) throws CommandFailure {
        return load(files, password, "decrypt", console);
    }

    /** As above, the warnings naming {@code command}. */
    static List<DecryptionKey> load(List<String> files, char[] password, String command, Console console)
            throws CommandFailure {
        List<DecryptionKey> keys = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        CommandFailure firstFailure = null;
        for (String file : files) {
            try {
                keys.addAll(read(file, password));
            } catch (CommandFailure e) {
                firstFailure = firstFailure == null ? e : firstFailure;
                skipped.add(e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            throw firstFailure;
        }
        for (String reason : skipped) {
            console.note(command, "warning: key file skipped: " + reason);
        }
        return keys;
    }

    private static List<DecryptionKey> read(String file, char[] password) throws CommandFailure {
        byte[] bytes = FileAccess.readSmallFile(file);
        try {
            return KeyFiles.read(bytes, password);
        } catch (SmimeException e) {
            throw new CommandFailure(ExitCode.of(e.reason()), file + ": " + e.getMessage());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
