package org.sealmail.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.CmsInput;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.cms.EnvelopedHeader;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.mime.MessageDecryptor;

/** {@code sealmail decrypt}: an S/MIME message in, the original message out. */
final class DecryptCommand implements Command {

    private static final int BUFFER_SIZE = 64 * 1024;
    /** Output held back before any reaches stdout, so a message this small that fails writes nothing. */
    static final int HOLD_BACK_BYTES = 1024 * 1024;
    /**
     * The most decrypted AuthEnvelopedData content held in memory for standard output (or a pipe)
     * until its tag checks; larger messages need --out, whose temp file is renamed only then.
     */
    static final int AUTHENTICATED_HOLD_BYTES = 32 * 1024 * 1024;

    @Override
    public String name() {
        return "decrypt";
    }

    @Override
    public String summary() {
        return "decrypt an S/MIME message (or a CMS object, with --der) with your private key(s)";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail decrypt --key FILE [--key FILE]... [--password-env VAR | --password-file FILE]
                                        [--in FILE] [--out FILE] [--der]

                Reads an S/MIME encrypted message (application/pkcs7-mime) and writes the original
                message: the outer header fields, then the decrypted Content-* fields and body.
                Every key given is tried, so mail stored under an old certificate still opens.

                  --key FILE            PKCS#12 (.p12/.pfx, modern or legacy), or PEM: PRIVATE KEY,
                                        RSA PRIVATE KEY, ENCRYPTED PRIVATE KEY (with the certificate
                                        in the same file if you have it); repeat for more keys
                                        (a key file that cannot be read is skipped with a warning
                                        when another one was read)
                  --password-env VAR    the key files' password is in environment variable VAR
                  --password-file FILE  the password is the first line of FILE
                                        (no password option: the password is empty)
                  --in FILE             read FILE instead of stdin
                  --out FILE            write FILE (complete or not at all) instead of stdout
                  --der                 the input is a CMS object (DER, BER, or PEM labelled CMS,
                                        PKCS7 or ENCRYPTED MESSAGE) and the output is its
                                        decrypted content

                The content streams through, so a message of any size needs little memory. Written to
                stdout, a message over 1 MiB that turns out damaged at its end (a bad padding, a cut)
                has already been partly written when the error comes: exit 65 says to discard it.
                With --out nothing is left behind.

                Authenticated messages (AuthEnvelopedData: AES-GCM, ChaCha20-Poly1305) release no byte
                before their tag, at the very end, proves them unchanged. With --out the content goes to
                the private temp file beside FILE, renamed into place only then; a changed message
                leaves nothing. To stdout or a pipe it is held in memory, at most 32 MiB (exit 64
                beyond that: give --out FILE).

                exit: 0 ok, 64 usage, 65 bad message or key file, wrong password, or no key opens the
                      message (the message names its recipients), 66 cannot read input,
                      73 cannot create output, 75 read or write failure (retry), 77 permission denied
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args,
                Set.of("--key", "--in", "--out", PasswordSource.ENV_OPTION, PasswordSource.FILE_OPTION),
                Set.of("--der"));
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + parsed.operands().get(0) + "\"");
        }
        if (parsed.all("--key").isEmpty()) {
            throw new UsageException("give at least one --key FILE");
        }
        char[] password = PasswordSource.read(parsed, System.getenv());
        List<DecryptionKey> keys;
        try {
            keys = KeyFileLoader.load(parsed.all("--key"), password, console);
        } finally {
            Arrays.fill(password, '\0');
        }
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(keys);

        try (InputStream in = new BufferedInputStream(FileAccess.openInput(parsed.single("--in"), console), BUFFER_SIZE);
                OutputTarget out = OutputTarget.open(parsed.single("--out"), console);
                // Held back until the end: a small message that fails writes nothing (see usage on exit 65).
                HeldOutput content = new HeldOutput(out.stream(), HOLD_BACK_BYTES)) {
            Consumer<EnvelopedHeader> beforeContent = header -> {
                if (header.authenticated() && !out.isAtomic()) {
                    // Nothing unverified may reach a stream that cannot take it back.
                    content.holdAll(AUTHENTICATED_HOLD_BYTES);
                }
            };
            try {
                if (parsed.has("--der")) {
                    decryptor.decrypt(CmsInput.open(in), content, beforeContent);
                } else {
                    if (!MessageOrCms.isMessage((BufferedInputStream) in)) {
                        throw new CommandFailure(ExitCode.DATA_ERROR,
                                "the input is a CMS object, not an S/MIME message; add --der to decrypt it");
                    }
                    MessageDecryptor.decrypt(in, content, (cms, entity) -> decryptor.decrypt(cms, entity, beforeContent));
                }
            } catch (SmimeException e) {
                if (content.exceeded()) {
                    throw new CommandFailure(ExitCode.USAGE, "the message is authenticated (AuthEnvelopedData) and"
                            + " decrypts to more than " + AUTHENTICATED_HOLD_BYTES / (1024 * 1024) + " MiB, too much to"
                            + " hold in memory until its tag is checked at the end; give --out FILE");
                }
                throw e;
            }
            content.release();
            out.commit();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.TEMPORARY_FAILURE, "cannot read or write the message: " + e.getMessage());
        }
        return ExitCode.OK;
    }
}
