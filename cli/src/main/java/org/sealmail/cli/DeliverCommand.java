package org.sealmail.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.store.Maildir;
import org.sealmail.core.store.MessageTransform;

/** {@code sealmail deliver USER}: one message on stdin stored, encrypted, in the account's Maildir. */
final class DeliverCommand implements Command {

    static final String MAILDIR_OPTION = "--maildir";

    @Override
    public String name() {
        return "deliver";
    }

    @Override
    public String summary() {
        return "store a message from stdin, encrypted, in an account's Maildir (for the mail server)";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail deliver USER [--store DIR] [--maildir DIR]

                Reads one message on stdin (as Postfix pipe, Exim or Dovecot's LDA hand it over),
                encrypts it with USER's settings (see `sealmail account`) and stores it in a Maildir:
                written under a unique name into tmp/, forced to disk, renamed into new/ as
                NAME,S=SIZE, and new/ forced to disk. Exits 0 only once the message is durable.
                With encryption off the message is stored unchanged; so is one already encrypted.
                A message that can never be encrypted (no header section) is stored as it came,
                with a note on stderr, rather than bounced.

                  --store DIR    the settings folder; default $SEALMAIL_HOME, else ~/.sealmail
                  --maildir DIR  the Maildir; default STORE/mail/USER/ (created with tmp/ new/ cur/
                                 when missing)

                exit: 0 delivered, 64 usage, 65 a refused message too large to store as it came,
                      67 no such account, 75 the settings cannot be read, or the message cannot be
                      read or written, or any other failure that is not the message's fault
                      (permission, internal error): nothing is left in new/, the mail server retries
                """;
    }

    @Override
    public boolean defersOnOwnFailure() {
        return true;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args, Set.of(StoreOption.OPTION, MAILDIR_OPTION), Set.of());
        if (parsed.operands().size() != 1) {
            throw new UsageException(parsed.operands().isEmpty() ? "give the account: USER"
                    : "give one account, not " + parsed.operands().size());
        }
        String user = AccountRecipients.user(parsed.operands().get(0));
        Optional<Recipients> recipients = AccountRecipients.of(user, parsed, name(), console);
        Optional<EnvelopedDataWriter> writer = Optional.ofNullable(recipients.isPresent() ? recipients.get().writer() : null);
        MessageTransform transform = writer.map(MessageTransform::encryptWith)
                .orElse(MessageTransform.unchanged("encryption is off"));
        String maildir = parsed.single(MAILDIR_OPTION);
        Path folder = maildir != null ? Path.of(maildir) : StoreOption.folder(parsed).resolve("mail").resolve(user);

        Maildir.Delivery delivery = Maildir.at(folder).deliver(console.stdin(), transform);
        Interruption.delivered();
        if (delivery.storedAsItCame()) {
            console.note(name(), "stored as it came, not encrypted: " + delivery.storedAsItCameBecause());
        } else if (writer.isPresent() && !delivery.outcome().wasEncrypted()) {
            console.note(name(), "not encrypted: " + delivery.outcome().reason() + "; stored unchanged");
        }
        return ExitCode.OK;
    }
}
