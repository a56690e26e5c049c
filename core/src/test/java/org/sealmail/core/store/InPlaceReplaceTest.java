package org.sealmail.core.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.SmimeException;
import org.sealmail.core.mime.Outcome;

/** A mail reader renames or deletes a message while the job works on it: nothing lost, nothing doubled. */
class InPlaceReplaceTest {

    private static final byte[] PLAIN = "Subject: x\r\n\r\nplain\r\n".getBytes(US_ASCII);

    @TempDir
    Path maildir;

    private Path original;

    @BeforeEach
    void aMessage() throws IOException {
        for (String sub : List.of("tmp", "new", "cur")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        original = Files.write(maildir.resolve("cur/1.M1P1.host:2,"), PLAIN);
    }

    /** A transform that lets {@code reader} act on the file while it reads it. */
    private MessageTransform whileReading(Runnable reader) {
        return (in, out) -> {
            try {
                in.readAllBytes();
                reader.run();
                out.write("encrypted".getBytes(US_ASCII));
                return Outcome.encrypted();
            } catch (IOException e) {
                throw new SmimeException(SmimeException.Reason.IO, e.getMessage(), e);
            }
        };
    }

    @Test
    void aFlagChangeMeanwhileLeavesTheMessageOnceAndForTheNextRun() throws Exception {
        Path flagged = maildir.resolve("cur/1.M1P1.host:2,S");
        MessageResult result = new InPlaceReplace(whileReading(() -> move(original, flagged)))
                .apply(new MaildirMessage(maildir, original, PLAIN.length), false);

        assertEquals(MessageResult.Kind.CHANGED, result.kind());
        assertEquals(List.of(flagged), files("cur"));
        assertArrayEquals(PLAIN, Files.readAllBytes(flagged));
        assertEquals(List.of(), files("tmp"));
    }

    @Test
    void aMessageDeletedMeanwhileIsNotBroughtBack() throws Exception {
        MessageResult result = new InPlaceReplace(whileReading(() -> move(original, null)))
                .apply(new MaildirMessage(maildir, original, PLAIN.length), false);

        assertEquals(MessageResult.Kind.VANISHED, result.kind());
        assertEquals(List.of(), files("cur"));
        assertEquals(List.of(), files("tmp"));
    }

    @Test
    void aSizeFieldIsSetToTheNewSize() throws Exception {
        Path sized = Files.move(original, maildir.resolve("cur/1.M1P1.host,S=" + PLAIN.length + ":2,S"));
        MessageResult result = new InPlaceReplace(whileReading(() -> { }))
                .apply(new MaildirMessage(maildir, sized, PLAIN.length), false);

        assertEquals(MessageResult.Kind.REPLACED, result.kind());
        assertEquals(List.of(maildir.resolve("cur/1.M1P1.host,S=9:2,S")), files("cur"));
    }

    private static void move(Path from, Path to) {
        try {
            if (to == null) {
                Files.delete(from);
            } else {
                Files.move(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> files(String sub) throws IOException {
        try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
            return files.sorted().toList();
        }
    }
}
