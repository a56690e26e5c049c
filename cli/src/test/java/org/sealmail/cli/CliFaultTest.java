package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/**
 * The tool under faults of its surroundings, as a real process: its reader goes away, the disk
 * is full, the output folder vanishes, a mail server's timeout sends SIGTERM. Exit codes stay in
 * the documented set, stderr is one line, and no half-written output file remains.
 */
class CliFaultTest {

    private static final String HEADER = "From: a@example.org\nTo: b@example.org\nSubject: faults\n\n";
    private static final long BODY = 4L << 20;

    @TempDir
    Path dir;

    private final String cert = TestData.pki("rsa2048.pem").toString();

    @Test
    void stdoutClosedAfterTenBytesExits75() throws Exception {
        try (ChildCli child = ChildCli.start(b -> { }, "encrypt", "--cert", cert)) {
            child.feed(ChildCli.generated(HEADER, (byte) 'x', BODY, "\n"));
            // What `| head -c 10` does: read ten bytes, then close the pipe.
            byte[] ten = child.process().getInputStream().readNBytes(10);
            child.process().getInputStream().close();
            assertEquals(10, ten.length);
            assertEquals(ExitCode.TEMPORARY_FAILURE, child.exitCode(), child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
        }
    }

    @Test
    void fullDiskOnStdoutExits75() throws Exception {
        assumeDevFull();
        try (ChildCli child = ChildCli.start(b -> b.redirectOutput(new File("/dev/full")), "encrypt", "--cert", cert)) {
            child.feed(ChildCli.generated(HEADER, (byte) 'x', BODY, "\n"));
            assertEquals(ExitCode.TEMPORARY_FAILURE, child.exitCode(), child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
        }
    }

    @Test
    void fullDiskOnStdoutForAShortReportExits75() throws Exception {
        assumeDevFull();
        Path message = TestData.message("already-smime-real.eml");
        try (ChildCli child = ChildCli.start(b -> b.redirectOutput(new File("/dev/full")),
                "inspect", "--in", message.toString())) {
            assertEquals(ExitCode.TEMPORARY_FAILURE, child.exitCode(), child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
        }
    }

    @Test
    void outFolderThatIsAFileExits73AndCreatesNothing() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Path out = notAFolder.resolve("out.eml");
        try (ChildCli child = ChildCli.start(b -> b.redirectInput(TestData.message("sample.eml").toFile()),
                "encrypt", "--cert", cert, "--out", out.toString())) {
            assertEquals(ExitCode.CANNOT_CREATE, child.exitCode(), child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
        }
        assertEquals(List.of(notAFolder), list(dir));
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void outFolderRemovedMidRunExits75AndLeavesNoFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path out = folder.resolve("message.eml");
        try (ChildCli child = ChildCli.start(b -> { }, "encrypt", "--cert", cert, "--out", out.toString())) {
            OutputStream stdin = child.process().getOutputStream();
            stdin.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            Path temp = awaitTempFile(folder);
            Files.delete(temp);
            Files.delete(folder);
            stdin.write("the rest of the body\n".getBytes(StandardCharsets.US_ASCII));
            stdin.close();
            int code = child.exitCode();
            assertTrue(code == ExitCode.TEMPORARY_FAILURE || code == ExitCode.CANNOT_CREATE, code + ": " + child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
        }
        assertFalse(Files.exists(folder));
    }

    @Test
    void sigtermMidwayRemovesTheTempFileAndExits75() throws Exception {
        Path out = dir.resolve("message.eml");
        try (ChildCli child = ChildCli.start(b -> { }, "encrypt", "--cert", cert, "--out", out.toString())) {
            OutputStream stdin = child.process().getOutputStream();
            stdin.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            awaitTempFile(dir);
            child.process().destroy(); // SIGTERM
            assertEquals(ExitCode.TEMPORARY_FAILURE, child.exitCode(), child.stderr());
            assertTrue(child.stderrIsOneLine(), child.stderr());
            assertTrue(child.stderr().contains("stopped before finishing (SIGTERM or Ctrl-C)"), child.stderr());
        }
        assertEquals(List.of(), list(dir));
    }

    @Test
    void sigtermMidwayLeavesAnExistingOutputFileUntouched() throws Exception {
        Path out = Files.writeString(dir.resolve("message.eml"), "the old version\n");
        try (ChildCli child = ChildCli.start(b -> { }, "encrypt", "--cert", cert, "--out", out.toString())) {
            child.process().getOutputStream().write(HEADER.getBytes(StandardCharsets.US_ASCII));
            child.process().getOutputStream().flush();
            awaitTempFile(dir);
            child.process().destroy();
            assertEquals(ExitCode.TEMPORARY_FAILURE, child.exitCode(), child.stderr());
        }
        assertEquals(List.of(out), list(dir));
        assertEquals("the old version\n", Files.readString(out));
    }

    /** The temp file --out writes first (".NAME...tmp"), once the child has opened it. */
    private static Path awaitTempFile(Path folder) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Path file : list(folder)) {
                if (file.getFileName().toString().endsWith(".tmp")) {
                    return file;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no temp file appeared in " + folder);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static void assumeDevFull() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full on this system");
    }
}
