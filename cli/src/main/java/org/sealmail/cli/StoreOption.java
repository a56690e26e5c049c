package org.sealmail.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.sealmail.core.SmimeException;
import org.sealmail.core.store.AccountStore;

/** The account store a command works on: {@code --store DIR}, else $SEALMAIL_HOME, else ~/.sealmail. */
final class StoreOption {

    static final String OPTION = "--store";

    private StoreOption() {
    }

    static Path folder(Arguments parsed) throws UsageException {
        String dir = parsed.single(OPTION);
        return dir != null ? Path.of(dir) : AccountStore.defaultLocation(System.getenv());
    }

    /** The store, created if missing: for commands that save an account. */
    static AccountStore openOrCreate(Arguments parsed) throws UsageException, SmimeException {
        return AccountStore.open(folder(parsed));
    }

    /** The store if its folder exists: for commands that read or change existing accounts. */
    static Optional<AccountStore> openExisting(Arguments parsed) throws UsageException, SmimeException {
        return AccountStore.openExisting(folder(parsed));
    }
}
