package org.sealmail.core.mime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A header value shaped like Content-Type or Content-Disposition (RFC 2045, RFC 2183): a leading
 * token such as {@code text/plain} or {@code attachment}, then {@code ; name=value} parameters.
 * Comments in parentheses and quoted strings are understood; RFC 2231 extended and continued
 * parameters are decoded. Parsing is lenient: a malformed parameter is skipped up to the next
 * semicolon, so one bad parameter does not hide the others.
 */
public final class ParameterizedValue {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private final String value;
    private final Map<String, String> parameters;

    private ParameterizedValue(String value, Map<String, String> parameters) {
        this.value = value;
        this.parameters = Map.copyOf(parameters);
    }

    /**
     * Parses an unfolded header value (see {@link HeaderField#value()}). Empty when there is no
     * leading token, or a type has a slash but no subtype.
     */
    public static Optional<ParameterizedValue> parse(String text) {
        Cursor cursor = new Cursor(text);
        cursor.skipWhitespaceAndComments();
        String lead = cursor.token();
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        cursor.skipWhitespaceAndComments();
        if (cursor.eat('/')) {
            cursor.skipWhitespaceAndComments();
            String subtype = cursor.token();
            if (subtype.isEmpty()) {
                return Optional.empty();
            }
            lead = lead + "/" + subtype;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        while (true) {
            cursor.skipWhitespaceAndComments();
            if (cursor.atEnd()) {
                break;
            }
            if (!cursor.eat(';')) {
                cursor.skipToSemicolon();
                continue;
            }
            cursor.skipWhitespaceAndComments();
            String name = cursor.token();
            cursor.skipWhitespaceAndComments();
            if (name.isEmpty() || !cursor.eat('=')) {
                cursor.skipToSemicolon();
                continue;
            }
            cursor.skipWhitespaceAndComments();
            String parameterValue = cursor.peek() == '"' ? cursor.quotedString() : cursor.token();
            raw.putIfAbsent(name.toLowerCase(Locale.ROOT), parameterValue);
        }
        return Optional.of(new ParameterizedValue(lead.toLowerCase(Locale.ROOT), Rfc2231Parameters.decode(raw)));
    }

    /** The leading token in lower case, e.g. {@code text/plain} or {@code attachment}. */
    public String value() {
        return value;
    }

    /** A parameter's value by name (case-insensitive), RFC 2231 encoding undone. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** All parameters, names in lower case. */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return value + parameters;
    }

    /** Reads RFC 2045 / RFC 822 lexical elements from a string. */
    private static final class Cursor {

        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        int peek() {
            return atEnd() ? -1 : text.charAt(position);
        }

        boolean eat(char wanted) {
            if (peek() == wanted) {
                position++;
                return true;
            }
            return false;
        }

        String token() {
            int start = position;
            while (!atEnd() && isTokenChar(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        /** A quoted string without its quotes and backslashes; an unclosed one runs to the end. */
        String quotedString() {
            StringBuilder content = new StringBuilder();
            position++;
            while (!atEnd()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && !atEnd()) {
                    c = text.charAt(position++);
                }
                content.append(c);
            }
            return content.toString();
        }

        void skipWhitespaceAndComments() {
            while (!atEnd()) {
                char c = text.charAt(position);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    position++;
                } else if (c == '(') {
                    skipComment();
                } else {
                    return;
                }
            }
        }

        /** Moves to the next semicolon that is not inside a quoted string or a comment. */
        void skipToSemicolon() {
            while (!atEnd() && peek() != ';') {
                if (peek() == '"') {
                    quotedString();
                } else if (peek() == '(') {
                    skipComment();
                } else {
                    position++;
                }
            }
        }

        /** Comments nest (RFC 5322 3.2.2); an unclosed one runs to the end. */
        private void skipComment() {
            int depth = 0;
            while (!atEnd()) {
                char c = text.charAt(position++);
                if (c == '\\') {
                    position++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return;
                }
            }
        }

        private static boolean isTokenChar(char c) {
            return c > ' ' && c < 127 && TSPECIALS.indexOf(c) < 0;
        }
    }
}
