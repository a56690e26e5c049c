package org.sealmail.core.keys;

import org.sealmail.core.SmimeException;

/**
 * The password does not open something: a MAC did not verify, or decryption gave no sensible
 * plaintext. Checked, so that each format turns it into its own one-line message.
 */
final class PasswordMismatch extends Exception {

    private static final long serialVersionUID = 1L;

    static final String HINT = "; give it with --password-env VAR or --password-file FILE";

    PasswordMismatch() {
        super(null, null, false, false);
    }

    /** "wrong password for {@code what}", with a hint on giving one when none was given. */
    static SmimeException wrongPassword(String what, Password given) {
        return SmimeException.badInput("wrong password for " + what + (given.isEmpty() ? HINT : ""));
    }
}
