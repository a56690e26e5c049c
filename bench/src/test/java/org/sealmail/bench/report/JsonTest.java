package org.sealmail.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedValues() {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {}, \"c\": [] } ");
        assertEquals(Map.of("a", Arrays.asList(1.0, -2500.0, true, false, null), "b", Map.of(), "c", List.of()), value);
    }

    @Test
    void readsEscapes() {
        assertEquals("q\"b\\s/n\nt\tu\u00e9", Json.parse("\"q\\\"b\\\\s\\/n\\nt\\tu\\u00e9\""));
    }

    @Test
    void refusesTrailingTextAndBrokenInput() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertTrue(e.getMessage().contains("unterminated string"), e.getMessage());
    }
}
