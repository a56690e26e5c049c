package org.sealmail.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Plain-text RFC 5322 messages of an exact size, the same bytes on every run. */
final class Messages {

    private static final byte[] HEADER = ("From: Alice <alice@example.org>\r\n"
            + "To: Bob <bob@example.org>\r\n"
            + "Subject: sealmail benchmark message\r\n"
            + "Date: Mon, 1 Jan 2024 00:00:00 +0000\r\n"
            + "Message-ID: <bench@example.org>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final int LINE = 76;
    private static final byte[] LETTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ".getBytes(StandardCharsets.US_ASCII);

    private Messages() {
    }

    /** A message of exactly {@code size} bytes: the header, then CRLF lines of 76 characters. */
    static byte[] ofSize(int size) {
        if (size < HEADER.length + 2) {
            throw new IllegalArgumentException("a message needs at least " + (HEADER.length + 2) + " bytes");
        }
        byte[] message = Arrays.copyOf(HEADER, size);
        SplittableRandom random = new SplittableRandom(size);
        int column = 0;
        int end = size - 2;
        int i = HEADER.length;
        while (i < end) {
            if (column == LINE && i + 2 <= end) {
                message[i++] = '\r';
                message[i++] = '\n';
                column = 0;
            } else {
                message[i++] = LETTERS[random.nextInt(LETTERS.length)];
                column++;
            }
        }
        message[end] = '\r';
        message[end + 1] = '\n';
        return message;
    }
}
