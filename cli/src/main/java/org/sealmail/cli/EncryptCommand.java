package org.sealmail.cli;

import java.io.IOException;
import java.io.InputStream;
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
import org.sealmail.core.store.Account;
import org.sealmail.core.store.AccountName;
import org.sealmail.core.store.AccountStore;
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
                usage: sealmail encrypt --cert FILE [--cert FILE]... [--cipher aes128-cbc|aes256-cbc]
                                        [--oaep] [--rid issuer-serial|ski] [--in FILE] [--out FILE] [--der]
                       sealmail encrypt --account USER [--store DIR] [--in FILE] [--out FILE] [--der]

                Reads an RFC 5322 message and writes it as an S/MIME message (application/pkcs7-mime,
                CMS EnvelopedData) that each certificate's private key alone can open. The header
                fields stay readable except the Content-* fields, which are encrypted with the body.
                A message that is already encrypted (S/MIME, PGP/MIME, inline PGP) is written out
                unchanged, with a note on stderr.

                  --cert FILE    PEM (one or more certificates) or DER; repeat for more recipients
                  --cipher NAME  aes256-cbc (default) or aes128-cbc
                  --oaep         give RSA recipients the content key with RSA-OAEP (SHA-256) instead of
                                 PKCS#1 v1.5; Thunderbird (NSS) and gpgsm cannot open the result
                  --rid FORM     name each recipient's certificate by issuer-serial (default) or by its
                                 subject key identifier (ski)
                EC (P-256, P-384, P-521) and X25519/X448 certificates get the key by ECDH (RFC 5753,
                RFC 8418); a warning on stderr says when Thunderbird or gpgsm cannot open the result.
                  --in FILE      read FILE instead of stdin
                  --out FILE     write FILE (complete or not at all) instead of stdout
                  --der          encrypt the input bytes as they are and write a DER CMS object
                                 (what `openssl cms -decrypt -inform DER` reads)
                  --account USER use the certificates and cipher stored for USER (see
                                 `sealmail account`); with encryption off the input passes unchanged
                  --store DIR    the settings folder; default $SEALMAIL_HOME, else ~/.sealmail

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
        EnvelopedDataWriter writer = parsed.has("--account") ? accountWriter(parsed, console) : certWriter(parsed, console);

        try (InputStream in = FileAccess.openInput(parsed.single("--in"), console);
                OutputTarget out = OutputTarget.open(parsed.single("--out"), console)) {
            if (writer == null) {
                in.transferTo(out.stream());
            } else if (parsed.has("--der")) {
                writer.encrypt(in, out.stream());
            } else {
                Outcome outcome = new MessageEncryptor().encrypt(in, out.stream(), writer::encrypt);
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

    private EnvelopedDataWriter certWriter(Arguments parsed, Console console) throws UsageException, CommandFailure {
        if (parsed.all("--cert").isEmpty()) {
            throw new UsageException("give at least one --cert FILE, or --account USER");
        }
        if (parsed.has(StoreOption.OPTION)) {
            throw new UsageException(StoreOption.OPTION + " goes with --account");
        }
        ContentCipher cipher = cipher(parsed.single("--cipher"));
        RecipientOptions options = recipientOptions(parsed);
        CertificateBundle recipients = RecipientFiles.load(parsed.all("--cert"), name(), console);
        return writer(recipients, cipher, options, console);
    }

    /** The writer, after a warning for each reader that cannot open what it writes. */
    private EnvelopedDataWriter writer(CertificateBundle recipients, ContentCipher cipher, RecipientOptions options,
            Console console) throws CommandFailure {
        for (String warning : PeerCompatibility.warnings(recipients, options)) {
            console.note(name(), "warning: " + warning);
        }
        try {
            return new EnvelopedDataWriter(recipients, cipher, options);
        } catch (SmimeException e) {
            throw new CommandFailure(ExitCode.of(e.reason()), e.getMessage());
        }
    }

    static RecipientOptions recipientOptions(Arguments parsed) throws UsageException {
        RecipientIdForm idForm = RecipientIdForm.ISSUER_SERIAL;
        if (parsed.has("--rid")) {
            try {
                idForm = RecipientIdForm.byName(parsed.single("--rid"));
            } catch (SmimeException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new RecipientOptions(parsed.has("--oaep"), idForm);
    }

    /**
     * The account's writer, or null when its encryption is off. A store that cannot be read is a
     * temporary failure: the mail server keeps the message and retries, nothing is lost or bounced.
     */
    private EnvelopedDataWriter accountWriter(Arguments parsed, Console console)
            throws UsageException, CommandFailure {
        if (parsed.has("--cert") || parsed.has("--cipher") || parsed.has("--oaep") || parsed.has("--rid")) {
            throw new UsageException("--account takes the certificates and settings from the account; "
                    + "do not give --cert, --cipher, --oaep or --rid with it");
        }
        String user;
        try {
            user = AccountName.normalize(parsed.single("--account"));
        } catch (SmimeException e) {
            throw new CommandFailure(ExitCode.NO_SUCH_USER, e.getMessage());
        }
        Account account;
        CertificateBundle recipients;
        try {
            Optional<AccountStore> store = StoreOption.openExisting(parsed);
            if (store.isEmpty()) {
                throw new CommandFailure(ExitCode.TEMPORARY_FAILURE, "no account store at "
                        + StoreOption.folder(parsed) + " (not mounted, or a wrong --store?); try again later");
            }
            account = AccountCommand.existing(store, user);
            recipients = CertificateBundle.of(account.certificates());
        } catch (SmimeException e) {
            throw new CommandFailure(ExitCode.TEMPORARY_FAILURE,
                    "the account settings cannot be used, try again later: " + e.getMessage());
        }
        if (!account.encryptionOn()) {
            console.note(name(), "encryption is off for " + account.name() + "; written unchanged");
            return null;
        }
        return writer(recipients, account.cipher(), RecipientOptions.DEFAULT, console);
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
