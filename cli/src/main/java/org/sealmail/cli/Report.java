package org.sealmail.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named values in order, printed as "name: value" lines or as one JSON object. */
final class Report {

    private final Map<String, Object> values = new LinkedHashMap<>();

    void put(String name, String value) {
        values.put(name, value);
    }

    void put(String name, long value) {
        values.put(name, value);
    }

    void putList(String name, List<Report> reports) {
        values.put(name, List.copyOf(reports));
    }

    String toText() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getValue() instanceof List<?> list) {
                int n = 0;
                for (Object item : list) {
                    n++;
                    text.append(singular(entry.getKey())).append(' ').append(n).append(':');
                    for (Map.Entry<String, Object> field : ((Report) item).values.entrySet()) {
                        text.append(' ').append(field.getKey()).append('=').append(quoted(field.getValue()));
                    }
                    text.append('\n');
                }
            } else {
                text.append(entry.getKey()).append(": ").append(OneLine.of(String.valueOf(entry.getValue()))).append('\n');
            }
        }
        return text.toString();
    }

    String toJson() {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(jsonString(entry.getKey())).append(':');
            Object value = entry.getValue();
            if (value instanceof List<?> list) {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    json.append(i == 0 ? "" : ",").append(((Report) list.get(i)).toJson());
                }
                json.append(']');
            } else if (value instanceof Long number) {
                json.append(number);
            } else {
                json.append(jsonString(String.valueOf(value)));
            }
        }
        return json.append('}').toString();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static String quoted(Object value) {
        String text = String.valueOf(value);
        return text.matches("[A-Za-z0-9._-]+") ? text : jsonString(text);
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
