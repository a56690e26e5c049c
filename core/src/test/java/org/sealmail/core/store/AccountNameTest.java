package org.sealmail.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.core.SmimeException;

class AccountNameTest {

    private static final String LOCAL_CHARACTERS = "use letters a-z, digits and . _ - + %";

    @ParameterizedTest
    @CsvSource({
        "alice, alice",
        "alice@example.org, alice@example.org",
        "first.last+tag@sub.example.org, first.last+tag@sub.example.org",
        "user_1, user_1",
        "Alice@Example.ORG, alice@example.org",
        "100%-sure@my-host.example, 100%-sure@my-host.example",
    })
    void acceptsLoginsAndAddressesInLowerCase(String raw, String normalized) throws SmimeException {
        assertEquals(normalized, AccountName.normalize(raw));
    }

    @Test
    void acceptsTheLongestNameThatFitsAFileName() throws SmimeException {
        String longest = "a".repeat(AccountName.MAX_LENGTH - "@example.org".length()) + "@example.org";

        assertEquals(247, longest.length());
        assertEquals(longest, AccountName.normalize(longest));
    }

    static Stream<Arguments> refusedNames() {
        return Stream.of(
                Arguments.of("../x", "contains a path separator '/'"),
                Arguments.of("a/b", "contains a path separator '/'"),
                Arguments.of("a\\b", "contains a path separator '\\'"),
                Arguments.of("..", "contains \"..\""),
                Arguments.of(".", "starts with a dot"),
                Arguments.of(".hidden", "starts with a dot"),
                Arguments.of("trailing.", "ends with a dot"),
                Arguments.of("a..b@x", "contains \"..\""),
                Arguments.of("", "empty"),
                Arguments.of("x\u0000y", "contains the control character \\x00"),
                Arguments.of("alice\n", "contains the control character \\x0a"),
                Arguments.of("alice@", "no domain after the '@'"),
                Arguments.of("@example.org", "nothing before the '@'"),
                Arguments.of("a@b@example.org", "more than one '@'"),
                Arguments.of("alice.@example.org", "the part before the '@' ends with a dot"),
                Arguments.of(".alice@example.org", "the part before the '@' starts with a dot"),
                Arguments.of("alice@.example.org", "the domain starts with a dot"),
                Arguments.of("alice@example.org.", "the domain ends with a dot"),
                Arguments.of("alice smith", "character ' ' is not allowed; " + LOCAL_CHARACTERS),
                Arguments.of(" alice", "character ' ' is not allowed; " + LOCAL_CHARACTERS),
                Arguments.of("j\u00f6rg", "character '\u00f6' is not allowed; " + LOCAL_CHARACTERS),
                Arguments.of("c:x", "character ':' is not allowed; " + LOCAL_CHARACTERS),
                Arguments.of("alice@exa mple.org",
                        "character ' ' is not allowed in the domain; use letters a-z, digits, . and -"),
                Arguments.of("alice@ex_ample.org",
                        "character '_' is not allowed in the domain; use letters a-z, digits, . and -"),
                Arguments.of("a".repeat(248), "248 characters; at most 247 are allowed"),
                Arguments.of("a".repeat(255), "255 characters; at most 247 are allowed"));
    }

    @ParameterizedTest
    @MethodSource("refusedNames")
    void refusesNamesThatAreNotPlainAddressesOrLogins(String raw, String reason) {
        SmimeException e = assertThrows(SmimeException.class, () -> AccountName.normalize(raw));

        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        assertTrue(e.getMessage().startsWith("account name \""), e.getMessage());
        assertTrue(e.getMessage().endsWith("\": " + reason), e.getMessage());
        assertFalse(AccountName.isNormalized(raw));
    }

    @Test
    void quotesTheRefusedNameSoTheMessageStaysOneLine() {
        SmimeException e = assertThrows(SmimeException.class, () -> AccountName.normalize("../x"));
        SmimeException nul = assertThrows(SmimeException.class, () -> AccountName.normalize("x\u0000y"));
        SmimeException backslash = assertThrows(SmimeException.class, () -> AccountName.normalize("a\\b"));

        assertEquals("account name \"../x\": contains a path separator '/'", e.getMessage());
        assertEquals("account name \"x\\x00y\": contains the control character \\x00", nul.getMessage());
        assertEquals("account name \"a\\\\b\": contains a path separator '\\'", backslash.getMessage());
    }

    @Test
    void cutsAVeryLongNameInTheMessage() {
        SmimeException e = assertThrows(SmimeException.class, () -> AccountName.normalize("a".repeat(10_000)));

        assertEquals("account name \"" + "a".repeat(80) + "...\": 10000 characters; at most 247 are allowed",
                e.getMessage());
    }

    @Test
    void onlyLowerCaseNamesAreNormalized() {
        assertTrue(AccountName.isNormalized("alice@example.org"));
        assertFalse(AccountName.isNormalized("Alice@example.org"));
    }
}
