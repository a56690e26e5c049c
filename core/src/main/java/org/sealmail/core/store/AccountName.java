package org.sealmail.core.store;

import java.util.Locale;
import java.util.Objects;

import org.sealmail.core.Escaping;
import org.sealmail.core.SmimeException;

/**
 * Account names: an email address ({@code alice@example.org}) or a login ({@code alice}).
 * A name is also a file name in the store, so the rules are strict:
 * <ul>
 * <li>ASCII letters, digits and {@code . _ - + %}, then optionally one {@code @} and a domain of
 *     letters, digits, {@code .} and {@code -};</li>
 * <li>no part starts or ends with a dot, and no {@code ..} anywhere;</li>
 * <li>not empty and at most {@value #MAX_LENGTH} characters, so that {@code NAME.account} fits
 *     the 255-byte file name limit of common file systems.</li>
 * </ul>
 * Names are case-insensitive: the normalized form is lower case.
 */
public final class AccountName {

    /** 255 bytes of a file name, less ".account". */
    public static final int MAX_LENGTH = 247;

    private static final String LOCAL_CHARACTERS = "use letters a-z, digits and . _ - + %";
    private static final String DOMAIN_CHARACTERS = "use letters a-z, digits, . and -";

    private AccountName() {
    }

    /**
     * The lower-case form of {@code raw}.
     *
     * @throws SmimeException BAD_INPUT {@code account name "../x": contains a path separator '/'}
     */
    public static String normalize(String raw) throws SmimeException {
        Objects.requireNonNull(raw, "raw");
        String refusal = refusal(raw);
        if (refusal != null) {
            throw SmimeException.badInput("account name " + Quoted.of(raw) + ": " + refusal);
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code text} is a name in normalized form, as the file names of the store are. */
    static boolean isNormalized(String text) {
        return refusal(text) == null && text.equals(text.toLowerCase(Locale.ROOT));
    }

    /** Why {@code name} is refused, or null when it is a valid name. */
    private static String refusal(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.length() > MAX_LENGTH) {
            return name.length() + " characters; at most " + MAX_LENGTH + " are allowed";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains the control character " + Escaping.escape(c);
            }
            if (c == '/' || c == '\\') {
                return "contains a path separator '" + c + "'";
            }
        }
        if (name.contains("..")) {
            return "contains \"..\"";
        }
        int at = name.indexOf('@');
        if (at < 0) {
            return partRefusal(name, "", true);
        }
        if (name.indexOf('@', at + 1) >= 0) {
            return "more than one '@'";
        }
        if (at == 0) {
            return "nothing before the '@'";
        }
        if (at == name.length() - 1) {
            return "no domain after the '@'";
        }
        String local = partRefusal(name.substring(0, at), "the part before the '@' ", true);
        return local != null ? local : partRefusal(name.substring(at + 1), "the domain ", false);
    }

    private static String partRefusal(String part, String which, boolean local) {
        if (part.startsWith(".")) {
            return which + "starts with a dot";
        }
        if (part.endsWith(".")) {
            return which + "ends with a dot";
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean allowed = isAsciiLetterOrDigit(c) || c == '.' || c == '-'
                    || (local && (c == '_' || c == '+' || c == '%'));
            if (!allowed) {
                return "character '" + Escaping.escape(c) + "' is not allowed"
                        + (local ? "; " + LOCAL_CHARACTERS : " in the domain; " + DOMAIN_CHARACTERS);
            }
        }
        return null;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
