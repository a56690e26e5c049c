package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(List.of(args), Set.of("--cert", "--in"), Set.of("--der"));
    }

    @Test
    void collectsRepeatedOptionsInOrder() throws Exception {
        Arguments parsed = parse("--cert", "a.pem", "--cert=b.pem", "--der", "x");
        assertEquals(List.of("a.pem", "b.pem"), parsed.all("--cert"));
        assertTrue(parsed.has("--der"));
        assertEquals(List.of("x"), parsed.operands());
        assertNull(parsed.single("--in"));
    }

    @Test
    void treatsEverythingAfterDoubleDashAsOperands() throws Exception {
        Arguments parsed = parse("--", "--der");
        assertFalse(parsed.has("--der"));
        assertEquals(List.of("--der"), parsed.operands());
    }

    @Test
    void refusesUnknownOptions() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--certs", "a"));
        assertEquals("unknown option --certs", e.getMessage());
    }

    @Test
    void refusesAMissingValue() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--cert"));
        assertEquals("--cert needs a value", e.getMessage());
    }

    @Test
    void refusesAValueOnAFlag() {
        assertThrows(UsageException.class, () -> parse("--der=yes"));
    }

    @Test
    void refusesASingleOptionGivenTwice() throws Exception {
        Arguments parsed = parse("--in", "a", "--in", "b");
        UsageException e = assertThrows(UsageException.class, () -> parsed.single("--in"));
        assertEquals("--in given more than once", e.getMessage());
    }
}
