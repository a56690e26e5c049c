package org.sealmail.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sealmail.core.testing.TestData;

/** Replays every input under testdata/fuzz-regressions/TARGET/ against its target. */
class FuzzRegressionTest {

    private static final Path FOLDER = TestData.root().resolve("testdata/fuzz-regressions");

    @Test
    void everyRegressionInputEndsInSuccessOrSealmailsOwnError() throws IOException {
        int replayed = 0;
        for (FuzzTarget target : List.of(FuzzTargets.certificates(), FuzzTargets.privateKeys(), FuzzTargets.cms(),
                FuzzTargets.smimeMessage(), FuzzTargets.headerSplit())) {
            Path folder = FOLDER.resolve(target.name());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    new Fuzzer(target).check(TestData.read(file), file.getFileName().toString(), new Fuzzer.Tally());
                    replayed++;
                }
            }
        }
        assertTrue(replayed > 0, "no regression input found under " + FOLDER);
    }

    @Test
    void everyFolderNamesATarget() throws IOException {
        List<String> targets = List.of("certificates", "private-keys", "cms", "smime-message", "header-split");
        try (Stream<Path> folders = Files.list(FOLDER)) {
            folders.filter(Files::isDirectory).forEach(folder -> assertTrue(
                    targets.contains(folder.getFileName().toString()), "not a fuzz target: " + folder));
        }
    }
}
