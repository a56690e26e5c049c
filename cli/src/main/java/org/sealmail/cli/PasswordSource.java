package org.sealmail.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The password for key files: from an environment variable or the first line of a file, never
 * from the command line (where every user of the machine can read it). Empty when neither is given.
 */
final class PasswordSource {

    static final String ENV_OPTION = "--password-env";
    static final String FILE_OPTION = "--password-file";

    private PasswordSource() {
    }

    /** The password; the caller zeroes it when done. */
    static char[] read(Arguments parsed, java.util.Map<String, String> environment)
            throws UsageException, CommandFailure {
        String variable = parsed.single(ENV_OPTION);
        String file = parsed.single(FILE_OPTION);
        if (variable != null && file != null) {
            throw new UsageException("give " + ENV_OPTION + " or " + FILE_OPTION + ", not both");
        }
        if (variable != null) {
            String value = environment.get(variable);
            if (value == null) {
                throw new UsageException("environment variable " + variable + " is not set");
            }
            return value.toCharArray();
        }
        if (file != null) {
            return firstLine(FileAccess.readSmallFile(file), file);
        }
        return new char[0];
    }

    private static char[] firstLine(byte[] bytes, String file) throws CommandFailure {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            return password;
        } catch (CharacterCodingException e) {
            throw new CommandFailure(ExitCode.DATA_ERROR, file + ": the password is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
