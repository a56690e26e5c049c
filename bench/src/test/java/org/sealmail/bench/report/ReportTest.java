package org.sealmail.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Report.Machine MACHINE = new Report.Machine("Test CPU 9000", 2, "2024-01-01");
    private static final String CLI = """
            # 256 MiB message, 3 runs each, alternating; medians.
            encrypt\tsealmail\t3.00\t120000
            encrypt\topenssl\t2.00\t6000
            decrypt\tsealmail\t4.00\t500000
            decrypt\topenssl\t10.00\t1100000
            """;

    private static String sample() throws IOException {
        try (InputStream in = ReportTest.class.getResourceAsStream("/sample-jmh.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String render(Optional<CliComparison> cli) throws IOException {
        return Report.render(Scores.fromJmhJson(sample()), MACHINE, cli, "### Why\n\nbecause.\n", "smoke run, not a measurement");
    }

    private static void assertHasLine(String markdown, String line) {
        assertTrue(markdown.lines().anyMatch(line::equals), () -> "no line\n" + line + "\nin\n" + markdown);
    }

    @Test
    void throughputIsOpsTimesSizeWithRatiosToTheCeilingAndToBouncyCastle() throws IOException {
        String markdown = render(Optional.empty());
        // 50, 100 and 20 messages of 16 MiB per second
        assertHasLine(markdown, "| aes128-cbc | 16 MiB | 838.9 | 1677.7 | 335.5 | 0.50 | 2.50 |");
        assertHasLine(markdown, "| aes128-cbc | 16 MiB | 1342.2 | 1677.7 | 838.9 | 0.80 | 1.60 |");
        assertHasLine(markdown, "| aes256-cbc | 64 KiB | – | – | – | – | – |");
    }

    @Test
    void namesMachineJdkSettingsAndLabel() throws IOException {
        String markdown = render(Optional.empty());
        assertHasLine(markdown, "> **smoke run, not a measurement**");
        assertTrue(markdown.contains("Machine: Test CPU 9000, 2 cores. JDK 17.0.15 (OpenJDK 64-Bit Server VM 17.0.15+6). Date: 2024-01-01."));
        assertTrue(markdown.contains("1 fork(s), warmup 2 x 1 s, measurement 4 x 1 s"));
    }

    @Test
    void judgesEachTargetAndListsTheMissedOnes() throws IOException {
        String markdown = render(Optional.empty());
        assertHasLine(markdown, "| encrypt aes128-cbc, 16 MiB: sealmail / JCE AES-CBC | 0.50 | >= 0.70 | **missed** |");
        assertHasLine(markdown, "| encrypt aes128-cbc, 16 MiB: sealmail / Bouncy Castle | 2.50 | >= 2 | met |");
        assertHasLine(markdown, "| decrypt aes128-cbc, 16 MiB: sealmail / JCE AES-CBC | 0.80 | >= 0.70 | met |");
        assertHasLine(markdown, "| decrypt aes128-cbc, 16 MiB: sealmail / Bouncy Castle | 1.60 | >= 2 | **missed** |");
        assertHasLine(markdown, "| encrypt aes256-cbc, 16 MiB: sealmail / JCE AES-CBC | – | >= 0.70 | not measured |");
        assertHasLine(markdown, "- encrypt aes128-cbc, 16 MiB: sealmail / JCE AES-CBC: 0.50, required >= 0.70.");
        assertHasLine(markdown, "- decrypt aes128-cbc, 16 MiB: sealmail / Bouncy Castle: 1.60, required >= 2.");
        assertTrue(markdown.endsWith("### Why\n\nbecause.\n"));
    }

    @Test
    void smallMessagesAndRecipientCost() throws IOException {
        String markdown = render(Optional.empty());
        assertHasLine(markdown, "| encrypt | aes256-cbc | 2000 | 1000 | 2.00 |");
        assertHasLine(markdown, "| 10 | 250 | 8.00 x | 700 |");
        assertHasLine(markdown, "| 3 | – | – x | – |");
    }

    @Test
    void cliComparisonGivesWallRatiosRssAndItsTargets() throws IOException {
        String markdown = render(Optional.of(CliComparison.parse(CLI)));
        assertTrue(markdown.contains("256 MiB message, 3 runs each, alternating; medians."));
        assertHasLine(markdown, "| encrypt | 3.00 | 2.00 | 1.50 | 123 | 6 |");
        assertHasLine(markdown, "| CLI encrypt (vs-openssl.sh message): wall time sealmail / openssl cms | 1.50 | <= 1.20 | **missed** |");
        assertHasLine(markdown, "| CLI decrypt (vs-openssl.sh message): wall time sealmail / openssl cms | 0.40 | <= 0.50 | met |");
        assertHasLine(markdown, "| CLI encrypt (vs-openssl.sh message): sealmail peak RSS in MB (part 1) | 122.88 | <= 150 | met |");
        assertHasLine(markdown, "| CLI decrypt (vs-openssl.sh message): sealmail peak RSS in MB (part 1) | 512.00 | <= 150 | **missed** |");
    }

    @Test
    void withoutCliFileSaysSoAndDoesNotJudgeCliTargets() throws IOException {
        String markdown = render(Optional.empty());
        assertTrue(markdown.contains("Not measured in this run"));
        assertHasLine(markdown, "| CLI encrypt (vs-openssl.sh message): wall time sealmail / openssl cms | – | <= 1.20 | not measured |");
    }

    @Test
    void refusesScoresThatAreNotOperationsPerSecond() throws IOException {
        String json = sample().replaceFirst("\"ops/s\"", "\"us/op\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scores.fromJmhJson(json));
        assertTrue(e.getMessage().contains("us/op"), e.getMessage());
    }

    @Test
    void refusesAMalformedCliLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CliComparison.parse("encrypt\tsealmail\t3.0\n"));
        assertEquals("line 1: expected operation, tool, wall seconds, peak RSS KiB separated by tabs; "
                + "got \"encrypt\tsealmail\t3.0\"", e.getMessage());
    }

    @Test
    void sizeNames() {
        assertEquals("4 KiB", Report.sizeName(4096));
        assertEquals("16 MiB", Report.sizeName(16777216));
    }
}
