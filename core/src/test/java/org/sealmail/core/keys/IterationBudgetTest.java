package org.sealmail.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;

class IterationBudgetTest {

    private static final BigInteger MAX = BigInteger.valueOf(IterationBudget.MAX_PER_DERIVATION);

    @Test
    void eachDerivationMayUseUpToTheLimit() throws Exception {
        assertEquals(2_000_000, new IterationBudget().spend(MAX, "MAC"));
        SmimeException e = assertThrows(SmimeException.class,
                () -> new IterationBudget().spend(MAX.add(BigInteger.ONE), "MAC"));
        assertEquals("MAC iteration count 2000001 is above 2000000 (limit max-iterations)", e.getMessage());
    }

    @Test
    void aFileMayNotAddUpMoreThanThreeMaximalDerivations() throws Exception {
        IterationBudget budget = new IterationBudget();
        for (int i = 0; i < 3; i++) {
            budget.spend(MAX, "PBKDF2");
        }
        SmimeException e = assertThrows(SmimeException.class, () -> budget.spend(BigInteger.ONE, "PBKDF2"));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("the file's iteration counts add up to more than 6000000 (3 x limit max-iterations)", e.getMessage());
    }

    @Test
    void zeroOrNegativeCountsAreRefused() {
        for (long count : new long[] {0, -1}) {
            SmimeException e = assertThrows(SmimeException.class,
                    () -> new IterationBudget().spend(BigInteger.valueOf(count), "PBKDF2"));
            assertEquals("PBKDF2 iteration count " + count + " is not positive", e.getMessage());
        }
    }
}
