package org.sealmail.core.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes RFC 2231 parameter value encoding: {@code name*=charset'lang'%xx} and continuations
 * {@code name*0=...; name*1*=...}. Where a parameter is given both plainly and in RFC 2231 form,
 * the RFC 2231 form wins, as RFC 6266 advises for filenames.
 */
final class Rfc2231Parameters {

    private static final Pattern EXTENDED = Pattern.compile("([^*]+)\\*(?:(\\d{1,3})(\\*)?)?");

    private Rfc2231Parameters() {
    }

    /** @param raw parameter names in lower case mapped to their values as written */
    static Map<String, String> decode(Map<String, String> raw) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Section>> continued = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            Matcher m = EXTENDED.matcher(entry.getKey());
            if (!m.matches()) {
                plain.put(entry.getKey(), entry.getValue());
                continue;
            }
            boolean sectioned = m.group(2) != null;
            int number = sectioned ? Integer.parseInt(m.group(2)) : 0;
            boolean encoded = !sectioned || m.group(3) != null;
            continued.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                    .putIfAbsent(number, new Section(entry.getValue(), encoded));
        }
        Map<String, String> result = new LinkedHashMap<>(plain);
        continued.forEach((name, sections) -> {
            if (sections.containsKey(0)) {
                result.put(name, join(sections));
            }
        });
        return result;
    }

    private static String join(TreeMap<Integer, Section> sections) {
        Charset charset = StandardCharsets.ISO_8859_1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int expected = 0;
        for (Map.Entry<Integer, Section> entry : sections.entrySet()) {
            if (entry.getKey() != expected++) {
                break; // RFC 2231 3: a gap ends the value
            }
            Section section = entry.getValue();
            String text = section.text();
            if (section.encoded() && entry.getKey() == 0) {
                int first = text.indexOf('\'');
                int second = first < 0 ? -1 : text.indexOf('\'', first + 1);
                if (second >= 0) {
                    charset = charset(text.substring(0, first));
                    text = text.substring(second + 1);
                }
            }
            if (section.encoded()) {
                percentDecode(text, bytes);
            } else {
                bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return new String(bytes.toByteArray(), charset);
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c);
            }
        }
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private static Charset charset(String name) {
        try {
            return name.isEmpty() ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private record Section(String text, boolean encoded) {
    }
}
