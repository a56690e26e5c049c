package org.sealmail.cli;

import java.util.Optional;
import org.sealmail.core.SmimeException;
import org.sealmail.core.store.Account;
import org.sealmail.core.store.AccountName;
import org.sealmail.core.store.AccountStore;
import org.sealmail.core.x509.CertificateBundle;

/**
 * An account's stored certificates, cipher and recipient options, for every command that encrypts with {@code --account}
 * or for a USER. A store that cannot be read is a temporary failure (75): the mail server keeps the
 * message and retries, nothing is lost, bounced or stored in clear. An unknown account is 67.
 */
final class AccountRecipients {

    private AccountRecipients() {
    }

    /** The account's normalized name; a name that cannot be an account is an unknown account (67). */
    static String user(String raw) throws CommandFailure {
        try {
            return AccountName.normalize(raw);
        } catch (SmimeException e) {
            throw new CommandFailure(ExitCode.NO_SUCH_USER, e.getMessage());
        }
    }

    /** The recipients of {@code user}; empty, with a note, when its encryption is off. */
    static Optional<Recipients> of(String user, Arguments parsed, String command, Console console)
            throws UsageException, CommandFailure {
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
            console.note(command, "encryption is off for " + account.name() + "; written unchanged");
            return Optional.empty();
        }
        return Optional.of(new Recipients(recipients, account.cipher(), account.recipientOptions()));
    }
}
