package org.sealmail.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Project Wycheproof vectors from ../shared/vectors/wycheproof (never copied into this repository).
 * Tests that use them are skipped, with a message, where that folder is absent; CI always has it.
 */
public final class WycheproofVectors {

    private WycheproofVectors() {
    }

    /** A test group's parameters (without its tests) and one of its test cases. */
    public record Case(Map<String, Object> group, Map<String, Object> test) {
        public String text(String field) {
            return (String) test.get(field);
        }

        public boolean valid() {
            return "valid".equals(test.get("result"));
        }

        public String name() {
            return "tcId " + ((Double) test.get("tcId")).intValue() + ": " + test.get("comment");
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Case> load(String fileName) throws IOException {
        Path file = TestData.sharedVectors().resolve("wycheproof").resolve(fileName);
        assumeTrue(Files.isRegularFile(file),
                "skipped: Wycheproof vectors not found at " + file + " (CI has ../shared/vectors)");
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<Case> cases = new ArrayList<>();
        for (Object groupObject : (List<Object>) root.get("testGroups")) {
            Map<String, Object> group = (Map<String, Object>) groupObject;
            for (Object test : (List<Object>) group.get("tests")) {
                cases.add(new Case(group, (Map<String, Object>) test));
            }
        }
        return cases;
    }
}
