package org.sealmail.core.keys;

import java.math.BigInteger;
import org.sealmail.core.SmimeException;

/**
 * Caps the key-derivation work one file may ask for. Iteration counts are the file's to
 * choose, so a hostile file could otherwise keep us busy for hours.
 */
final class IterationBudget {

    /** Far above what tools write (OpenSSL: 2,048; JDK: 10,000; 600,000 for the most cautious), about a second of work. */
    static final int MAX_PER_DERIVATION = 2_000_000;
    /** Room for a MAC and two encrypted parts at the maximum each. */
    static final long MAX_PER_FILE = 3L * MAX_PER_DERIVATION;

    private long spent;

    /** Checks and records one derivation's iteration count; returns it as an int. */
    int spend(BigInteger iterations, String what) throws SmimeException {
        if (iterations.signum() <= 0) {
            throw SmimeException.badInput(what + " iteration count " + iterations + " is not positive");
        }
        if (iterations.compareTo(BigInteger.valueOf(MAX_PER_DERIVATION)) > 0) {
            throw SmimeException.badInput(what + " iteration count " + iterations
                    + " is above the limit of " + MAX_PER_DERIVATION);
        }
        int count = iterations.intValue();
        if (spent + count > MAX_PER_FILE) {
            throw SmimeException.badInput("the file's iteration counts add up to more than " + MAX_PER_FILE);
        }
        spent += count;
        return count;
    }
}
