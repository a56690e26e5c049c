package org.sealmail.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.store.MessageTransform;

/** {@code sealmail reencrypt-maildir DIR --key OLD}: key rotation of a whole Maildir++ tree. */
final class ReencryptMaildirCommand extends MaildirJobCommand {

    @Override
    public String name() {
        return "reencrypt-maildir";
    }

    @Override
    public String summary() {
        return "key rotation: re-encrypt a Maildir++ tree to the current certificates";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail reencrypt-maildir DIR --key FILE [--key FILE]...
                                                  [--password-env VAR | --password-file FILE]
                                                  (--account USER [--store DIR] | --cert FILE... [--cipher NAME])
                                                  [--jobs N] [--dry-run] [--progress | --quiet]

                Key rotation: decrypts each S/MIME encrypted message of the Maildir++ tree DIR with
                the old key(s) and encrypts it to the current certificates (the account's, or --cert),
                replacing it in place with the same atomicity, names, flags, times and permissions as
                encrypt-maildir. Left as they are and counted: a message no given key opens (a
                failure), one already encrypted to exactly the current certificates (so a second run
                finishes the job), and one that is not S/MIME encrypted (plain, signed only, PGP:
                encrypt-maildir encrypts plain ones). Decrypted content stays in memory only.

                  --key FILE            the old private key(s): PKCS#12 or PEM, as for `sealmail decrypt`
                  --password-env VAR    the key files' password is in environment variable VAR
                  --password-file FILE  the password is the first line of FILE (default: empty)
                  --account USER        encrypt to the certificates and cipher stored for USER
                  --store DIR           the settings folder; default $SEALMAIL_HOME, else ~/.sealmail
                  --cert FILE           encrypt to these certificate(s) instead; repeat for more
                  --cipher NAME         with --cert: aes256-cbc (default) or aes128-cbc
                  --jobs N              N threads (default: the number of cores)
                  --dry-run             change nothing; report what would be done
                  --progress            show progress on stderr (default: when stderr is a terminal)
                  --quiet               no progress line; the summary is still printed

                exit: 0 every message done, 64 usage, 65 some messages could not be re-encrypted (no
                      key opens them, or damaged; they are unchanged), a refused key file or a wrong
                      password, 66 cannot read a file, 67 no such account, 75 a read or write failed,
                      or a message changed meanwhile: run again
                """;
    }

    @Override
    String replacedLabel() {
        return "re-encrypted";
    }

    @Override
    Set<String> moreOptions() {
        return Set.of("--key", PasswordSource.ENV_OPTION, PasswordSource.FILE_OPTION);
    }

    @Override
    MessageTransform transform(Recipients recipients, Arguments parsed, Console console)
            throws UsageException, CommandFailure, SmimeException {
        if (parsed.all("--key").isEmpty()) {
            throw new UsageException("give the old key(s): --key FILE");
        }
        char[] password = PasswordSource.read(parsed, System.getenv());
        List<DecryptionKey> keys;
        try {
            keys = KeyFileLoader.load(parsed.all("--key"), password, name(), console);
        } finally {
            Arrays.fill(password, '\0');
        }
        return MessageTransform.reencrypt(new EnvelopedDataDecryptor(keys), recipients.writer(),
                recipients.certificates());
    }
}
