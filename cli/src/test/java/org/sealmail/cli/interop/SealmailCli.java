package org.sealmail.cli.interop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.cli.Main;

/** sealmail under test, called in-process through {@link Main#run}, stdin to stdout. */
final class SealmailCli {

    static final String AES128 = "aes128-cbc";
    static final String AES256 = "aes256-cbc";

    private SealmailCli() {
    }

    /** {@code encrypt --der --cipher CIPHER --cert ...}: a DER ContentInfo of {@code payload}. */
    static byte[] encryptDer(byte[] payload, String cipher, Path... certificates) {
        List<String> args = certArgs(certificates);
        args.add("--der");
        args.add("--cipher");
        args.add(cipher);
        return encrypt(payload, args);
    }

    /** {@code encrypt --cert ...} with the default cipher: an S/MIME message of {@code message}. */
    static byte[] encryptSmime(byte[] message, Path... certificates) {
        return encrypt(message, certArgs(certificates));
    }

    /** {@code encrypt} with exactly these options; fails the test unless it exits 0. */
    static byte[] encrypt(byte[] input, List<String> options) {
        return run(input, command("encrypt", options)).requireSuccess();
    }

    /** {@code decrypt} with exactly these options; fails the test unless it exits 0. */
    static byte[] decrypt(byte[] input, List<String> options) {
        return run(input, command("decrypt", options)).requireSuccess();
    }

    /** Runs {@code sealmail ARGS...} with {@code stdin}, whatever the outcome. */
    static SealmailOutcome run(byte[] stdin, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream stdout = new PrintStream(out, true);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args.toArray(new String[0]), new ByteArrayInputStream(stdin), stdout, stderr);
        }
        return new SealmailOutcome(List.copyOf(args), exit, out.toByteArray(),
                err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> command(String name, List<String> options) {
        List<String> args = new ArrayList<>();
        args.add(name);
        args.addAll(options);
        return args;
    }

    private static List<String> certArgs(Path... certificates) {
        List<String> args = new ArrayList<>();
        for (Path certificate : certificates) {
            args.add("--cert");
            args.add(certificate.toString());
        }
        return args;
    }
}
