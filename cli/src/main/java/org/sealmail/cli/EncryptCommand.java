package org.sealmail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.cms.PeerCompatibility;
import org.sealmail.core.cms.RecipientIdForm;
import org.sealmail.core.cms.RecipientOptions;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.mime.Outcome;
import org.sealmail.core.x509.CertificateBundle;

/** {@code sealmail encrypt}: a message in, the same message encrypted for the certificates out. */
final class EncryptCommand implements Command {

    @Override
    public String name() {
        return "encrypt";
    }

    @Override
    public String summary() {
        return "encrypt a message (or any bytes, with --der) for one or more certificates";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail encrypt --cert FILE [--cert FILE]... [--cipher NAME] [--oaep]
                                        [--rid issuer-serial|ski] [--in FILE] [--out FILE] [--der]
                       sealmail encrypt --account USER [--store DIR] [--in FILE] [--out FILE] [--der]

                Reads an RFC 5322 message and writes it as an S/MIME message (application/pkcs7-mime,
                CMS EnvelopedData) that each certificate's private key alone can open. The header
                fields stay readable except the Content-* fields, which are encrypted with the body.
                A message that is already encrypted (S/MIME, PGP/MIME, inline PGP) is written out
                unchanged, with a note on stderr.

                  --cert FILE    PEM (one or more certificates) or DER; repeat for more recipients
                  --cipher NAME  aes256-cbc (default), aes128-cbc, or an authenticated cipher:
                                 aes256-gcm, aes128-gcm, chacha20-poly1305 (AuthEnvelopedData, RFC 5083:
                                 any change to the stored message is detected; RSA keys get RSA-OAEP;
                                 Thunderbird and gpgsm cannot open it, OpenSSL 3.0 opens only the GCM ones)
                  --oaep         give RSA recipients the content key with RSA-OAEP (SHA-256) instead of
                                 PKCS#1 v1.5; Thunderbird (NSS) and gpgsm cannot open the result
                  --rid FORM     name each recipient's certificate by issuer-serial (default) or by its
                                 subject key identifier (ski)
                  --in FILE      read FILE instead of stdin
                  --out FILE     write FILE (complete or not at all) instead of stdout
                  --der          encrypt the input bytes as they are and write a DER CMS object
                                 (what `openssl cms -decrypt -inform DER` reads)
                  --account USER use the certificates and cipher stored for USER (see
                                 `sealmail account`); with encryption off the input passes unchanged
                  --store DIR    the settings folder; default $SEALMAIL_HOME, else ~/.sealmail

                EC (P-256, P-384, P-521) and X25519/X448 certificates get the key by ECDH (RFC 5753,
                RFC 8418); a warning on stderr says when Thunderbird or gpgsm cannot open the result.

                exit: 0 ok, 64 usage, 65 bad message or certificate, 66 cannot read input,
                      67 no such account, 73 cannot create output, 75 read or write failure, or the
                      account settings cannot be read now (the mail server retries), 77 permission denied
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args,
                Set.of("--cert", "--cipher", "--rid", "--in", "--out", "--account", StoreOption.OPTION),
                Set.of("--der", "--oaep"));
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + parsed.operands().get(0) + "\"");
        }
        Optional<Recipients> recipients = recipients(parsed, name(), console);
        EnvelopedDataWriter writer = recipients.isPresent() ? recipients.get().writer() : null;

        // A regular file's length is known up front: the output is DER. From a pipe, content over
        // the writer's look-ahead is written as BER with indefinite lengths.
        Path file = FileAccess.regularFile(parsed.single("--in"));
        try (InputStream in = FileAccess.openInput(parsed.single("--in"), console);
                OutputTarget out = OutputTarget.open(parsed.single("--out"), console)) {
            if (writer == null) {
                in.transferTo(out.stream());
            } else if (parsed.has("--der")) {
                if (file != null) {
                    writer.encrypt(in, Files.size(file), out.stream());
                } else {
                    writer.encrypt(in, out.stream());
                }
            } else {
                MessageEncryptor encryptor = new MessageEncryptor();
                Outcome outcome = file != null
                        ? encryptor.encrypt(in, out.stream(), writer, entityLength(parsed, console))
                        : encryptor.encrypt(in, out.stream(), writer);
                if (!outcome.wasEncrypted()) {
                    console.note(name(), "not encrypted: " + outcome.reason() + "; written unchanged");
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.TEMPORARY_FAILURE, "cannot read or write the message: " + e.getMessage());
        }
        return ExitCode.OK;
    }

    /** A first pass over the --in file: the length of the entity to encrypt. */
    private static long entityLength(Arguments parsed, Console console)
            throws UsageException, CommandFailure, SmimeException {
        try (InputStream first = FileAccess.openInput(parsed.single("--in"), console)) {
            return new MessageEncryptor().entityLength(first);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.TEMPORARY_FAILURE, "cannot read the message: " + e.getMessage());
        }
    }

    /**
     * The recipients of {@code --cert FILE... [--cipher]} or {@code --account USER [--store]};
     * empty when the account has encryption off.
     */
    static Optional<Recipients> recipients(Arguments parsed, String command, Console console)
            throws UsageException, CommandFailure {
        if (parsed.has("--account")) {
            if (parsed.has("--cert") || parsed.has("--cipher") || parsed.has("--oaep") || parsed.has("--rid")) {
                throw new UsageException("--account takes the certificates and settings from the account; "
                        + "do not give --cert, --cipher, --oaep or --rid with it");
            }
            String user = AccountRecipients.user(parsed.single("--account"));
            return AccountRecipients.of(user, parsed, command, console);
        }
        if (parsed.all("--cert").isEmpty()) {
            throw new UsageException("give at least one --cert FILE, or --account USER");
        }
        if (parsed.has(StoreOption.OPTION)) {
            throw new UsageException(StoreOption.OPTION + " goes with --account");
        }
        ContentCipher cipher = cipher(parsed.single("--cipher"));
        RecipientOptions options = recipientOptions(parsed);
        CertificateBundle certificates = RecipientFiles.load(parsed.all("--cert"), command, console);
        for (String warning : PeerCompatibility.warnings(certificates, options, cipher)) {
            console.note(command, "warning: " + warning);
        }
        return Optional.of(new Recipients(certificates, cipher, options));
    }

    static RecipientOptions recipientOptions(Arguments parsed) throws UsageException {
        if (!parsed.has("--rid")) {
            return new RecipientOptions(parsed.has("--oaep"), RecipientIdForm.ISSUER_SERIAL);
        }
        try {
            return new RecipientOptions(parsed.has("--oaep"), RecipientIdForm.byName(parsed.single("--rid")));
        } catch (SmimeException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static ContentCipher cipher(String name) throws UsageException {
        if (name == null) {
            return ContentCipher.DEFAULT;
        }
        try {
            return ContentCipher.byName(name);
        } catch (SmimeException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
