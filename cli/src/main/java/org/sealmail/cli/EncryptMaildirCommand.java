package org.sealmail.cli;

import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.store.MessageTransform;

/** {@code sealmail encrypt-maildir DIR}: every message of a Maildir++ tree encrypted in place. */
final class EncryptMaildirCommand extends MaildirJobCommand {

    @Override
    public String name() {
        return "encrypt-maildir";
    }

    @Override
    public String summary() {
        return "encrypt every message of an existing Maildir++ tree in place";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail encrypt-maildir DIR (--account USER [--store DIR] | --cert FILE... [--cipher NAME])
                                                [--jobs N] [--dry-run] [--progress | --quiet]

                Encrypts every message of the Maildir++ tree DIR in place: new/ and cur/ of DIR and of
                every .Folder below it. File names, flags (:2,S), modification times, permissions and
                owner are kept (a ,S=SIZE field is set to the new size); what is already encrypted is
                left as it is. Each message is replaced atomically: the encrypted copy is written into
                that folder's tmp/, forced to disk and renamed over the original, so a crash at any
                moment leaves every message plain or encrypted, complete, exactly once. Running it
                again finishes the job. tmp/, dot-files, symbolic links and other non-regular files are
                skipped. A message a mail reader renames or deletes meanwhile is left to the next run.

                  --account USER  the certificates and cipher stored for USER (see `sealmail account`)
                  --store DIR     the settings folder; default $SEALMAIL_HOME, else ~/.sealmail
                  --cert FILE     PEM or DER certificate(s) instead of an account; repeat for more
                  --cipher NAME   with --cert: aes256-cbc (default) or aes128-cbc
                  --jobs N        N threads (default: the number of cores)
                  --dry-run       change nothing; report what would be done
                  --progress      show progress on stderr (default: when stderr is a terminal)
                  --quiet         no progress line; the summary is still printed

                The summary on stdout counts the messages encrypted, those left unchanged (with why)
                and those that failed (with why; they stay as they were).

                exit: 0 every message done, 64 usage, 65 some messages could not be encrypted (they
                      are unchanged), or DIR is not a Maildir, 66 cannot read a certificate file,
                      67 no such account, 75 a read or write failed, or a message changed meanwhile:
                      run again
                """;
    }

    @Override
    String replacedLabel() {
        return "encrypted";
    }

    @Override
    Set<String> moreOptions() {
        return Set.of();
    }

    @Override
    MessageTransform transform(Recipients recipients, Arguments parsed, Console console) throws SmimeException {
        return MessageTransform.encryptWith(recipients.writer());
    }
}
