package org.sealmail.core.keys;

import org.sealmail.core.SmimeException;

/** Adds where a failure happened to its message, level by level ("PKCS#12 file: part 2: bag 1: ..."). */
final class Failures {

    private Failures() {
    }

    /**
     * Prefixes bad-input messages with {@code where}; other reasons (unsupported algorithms)
     * already say all a user needs and keep their exact text.
     */
    static SmimeException located(String where, SmimeException e) {
        if (e.reason() != SmimeException.Reason.BAD_INPUT) {
            return e;
        }
        return new SmimeException(e.reason(), where + ": " + e.getMessage(), e);
    }
}
