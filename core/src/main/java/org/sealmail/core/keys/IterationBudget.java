package org.sealmail.core.keys;

import java.math.BigInteger;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;

/**
 * Caps the key-derivation work one file may ask for. Iteration counts are the file's to
 * choose, so a hostile file could otherwise keep us busy for hours.
 */
final class IterationBudget {

    /** Far above what tools write (OpenSSL: 2,048; JDK: 10,000; 600,000 for the most cautious); see {@link Limits.Limit#ITERATIONS}. */
    static final int MAX_PER_DERIVATION = Limits.DEFAULT.maxIterations();
    /** Room for a MAC and two encrypted parts at the maximum each. */
    private static final int DERIVATIONS_PER_FILE = 3;

    private final int maxPerDerivation;
    private long spent;

    IterationBudget() {
        this(Limits.DEFAULT);
    }

    IterationBudget(Limits limits) {
        this.maxPerDerivation = limits.maxIterations();
    }

    /** Checks and records one derivation's iteration count; returns it as an int. */
    int spend(BigInteger iterations, String what) throws SmimeException {
        if (iterations.signum() <= 0) {
            throw SmimeException.badInput(what + " iteration count " + BerReader.printable(iterations) + " is not positive");
        }
        if (iterations.compareTo(BigInteger.valueOf(maxPerDerivation)) > 0) {
            throw SmimeException.badInput(what + " iteration count " + BerReader.printable(iterations)
                    + " is above " + maxPerDerivation + " " + Limits.Limit.ITERATIONS.named());
        }
        int count = iterations.intValue();
        long perFile = (long) DERIVATIONS_PER_FILE * maxPerDerivation;
        if (spent + count > perFile) {
            throw SmimeException.badInput("the file's iteration counts add up to more than " + perFile
                    + " (" + DERIVATIONS_PER_FILE + " x limit " + Limits.Limit.ITERATIONS.label() + ")");
        }
        spent += count;
        return count;
    }
}
