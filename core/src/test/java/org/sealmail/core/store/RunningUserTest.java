package org.sealmail.core.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;

class RunningUserTest {

    private static final Path FOLDER = Path.of("/srv/sealmail");

    @Test
    void theOwnerMustBeTheRunningUserByName() {
        assertDoesNotThrow(() -> RunningUser.requireOwner("store folder", FOLDER, "mail", "mail"));

        SmimeException e = assertThrows(SmimeException.class,
                () -> RunningUser.requireOwner("store folder", FOLDER, "nobody", "mail"));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertEquals("store folder /srv/sealmail is owned by nobody, not by mail; run \"chown mail /srv/sealmail\"",
                e.getMessage());
    }

    /** The JDK names such a user "?" and owners by number, so no owner can be matched. */
    @Test
    void aRunningUserWithoutANameIsRefusedWhoeverTheOwnerIs() {
        for (String owner : new String[] {"12345", "?"}) {
            SmimeException e = assertThrows(SmimeException.class,
                    () -> RunningUser.requireOwner("store folder", FOLDER, owner, RunningUser.NO_NAME));

            assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
            assertEquals("store folder /srv/sealmail: cannot tell whether its owner " + owner
                    + " is the user running sealmail, who has no name in the user database; "
                    + "run sealmail as a user that has one", e.getMessage());
        }
    }
}
