package org.sealmail.core.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.SmimeException;
import org.sealmail.core.mime.Outcome;

/** Maildir delivery: tmp/, fsync, rename into new/; nothing left behind on failure. */
class MaildirDeliveryTest {

    private static final byte[] MESSAGE = "From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(US_ASCII);
    private static final MessageTransform UPPER_CASE = (in, out) -> {
        try {
            out.write(new String(in.readAllBytes(), US_ASCII).toUpperCase().getBytes(US_ASCII));
            return Outcome.encrypted();
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO, e.getMessage(), e);
        }
    };

    @TempDir
    Path dir;

    @Test
    void createsTheMaildirAndStoresTheTransformedMessageInNewWithItsSize() throws Exception {
        Path root = dir.resolve("mail/alice");
        Maildir.Delivery delivery = Maildir.at(root).deliver(new ByteArrayInputStream(MESSAGE), UPPER_CASE);

        assertEquals(List.of(delivery.file()), list(root.resolve("new")));
        assertEquals(List.of(), list(root.resolve("tmp")));
        assertEquals(List.of(), list(root.resolve("cur")));
        byte[] stored = Files.readAllBytes(delivery.file());
        assertArrayEquals(new String(MESSAGE, US_ASCII).toUpperCase().getBytes(US_ASCII), stored);
        assertTrue(delivery.file().getFileName().toString().endsWith(",S=" + stored.length),
                delivery.file().toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(delivery.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("new"))));
        assertTrue(delivery.outcome().wasEncrypted());
        assertFalse(delivery.storedAsItCame());
    }

    @Test
    void twoDeliveriesGetTwoNames() throws Exception {
        Maildir maildir = Maildir.at(dir);
        Path first = maildir.deliver(new ByteArrayInputStream(MESSAGE), UPPER_CASE).file();
        Path second = maildir.deliver(new ByteArrayInputStream(MESSAGE), UPPER_CASE).file();
        assertNotEquals(first, second);
        assertEquals(2, list(dir.resolve("new")).size());
    }

    @Test
    void aWriteThatFailsPartWayLeavesNothingInTmpOrNew() throws Exception {
        Maildir maildir = Maildir.at(dir, out -> new FilterOutputStream(out) {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 10) {
                    throw new IOException("No space left on device");
                }
                super.write(b);
            }
        });
        SmimeException e = assertThrows(SmimeException.class,
                () -> maildir.deliver(new ByteArrayInputStream(MESSAGE), UPPER_CASE));
        assertEquals(SmimeException.Reason.IO, e.reason());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(List.of(), list(dir.resolve("new")));
        assertEquals(List.of(), list(dir.resolve("tmp")));
    }

    @Test
    void aTmpThatIsAFileIsAnIoFailureAndNewStaysEmpty() throws Exception {
        Files.createDirectories(dir.resolve("new"));
        Files.writeString(dir.resolve("tmp"), "not a folder");
        SmimeException e = assertThrows(SmimeException.class,
                () -> Maildir.at(dir).deliver(new ByteArrayInputStream(MESSAGE), UPPER_CASE));
        assertEquals(SmimeException.Reason.IO, e.reason());
        assertEquals(List.of(), list(dir.resolve("new")));
    }

    @Test
    void aMessageRefusedWhileItsHeaderIsReadIsStoredAsItCame() throws Exception {
        MessageTransform refuses = (in, out) -> {
            try {
                out.write(in.readNBytes(5)); // part of a result is already written when the refusal comes
                throw SmimeException.badInput("the message has no header section: it is empty");
            } catch (IOException e) {
                throw new SmimeException(SmimeException.Reason.IO, e.getMessage(), e);
            }
        };
        byte[] noHeader = "just a line of text\nand another\n".getBytes(US_ASCII);
        Maildir.Delivery delivery = Maildir.at(dir).deliver(new ByteArrayInputStream(noHeader), refuses);

        assertTrue(delivery.storedAsItCame());
        assertEquals("the message has no header section: it is empty", delivery.storedAsItCameBecause());
        assertArrayEquals(noHeader, Files.readAllBytes(delivery.file()));
    }

    @Test
    void namesFollowTheMaildirRules() {
        String name = MaildirName.unique(Instant.ofEpochSecond(1700000000, 123456789), 4242, "mx");
        assertTrue(name.matches("1700000000\\.M123456P4242Q\\d+R[0-9a-f]{16}\\.mx"), name);
        assertEquals("a\\057b\\072c\\054d", MaildirName.escapeHost("a/b:c,d"));
        assertEquals("1.M2P3.host,S=999:2,S", MaildirName.withSize("1.M2P3.host,S=12:2,S", 999));
        assertEquals("1.M2P3.host:2,S", MaildirName.withSize("1.M2P3.host:2,S", 999));
        assertEquals("1.M2P3.host,S=12", MaildirName.base("1.M2P3.host,S=12:2,RS"));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
