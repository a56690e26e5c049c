package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileOutputTest {

    @TempDir
    Path dir;

    private List<Path> filesIn() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void theTargetAppearsOnlyOnCommit() throws Exception {
        Path target = dir.resolve("out.eml");
        try (AtomicFileOutput out = AtomicFileOutput.create(target)) {
            out.stream().write(new byte[] {1, 2, 3});
            assertEquals(false, Files.exists(target));
            out.commit();
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn());
    }

    @Test
    void closingWithoutCommitLeavesTheOldFileAndNoTempFile() throws Exception {
        Path target = dir.resolve("out.eml");
        Files.write(target, new byte[] {9});
        try (AtomicFileOutput out = AtomicFileOutput.create(target)) {
            out.stream().write(new byte[] {1, 2, 3});
        }
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn());
    }
}
