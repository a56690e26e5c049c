package org.sealmail.cli;

import java.nio.file.Path;
import org.sealmail.core.SmimeException;
import org.sealmail.core.store.AccountStore;

/** The account store a command works on: {@code --store DIR}, else $SEALMAIL_HOME, else ~/.sealmail. */
final class StoreOption {

    static final String OPTION = "--store";

    private StoreOption() {
    }

    static AccountStore open(Arguments parsed) throws UsageException, SmimeException {
        String dir = parsed.single(OPTION);
        Path folder = dir != null ? Path.of(dir) : AccountStore.defaultLocation(System.getenv());
        return AccountStore.open(folder);
    }
}
