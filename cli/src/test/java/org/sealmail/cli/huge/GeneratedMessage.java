package org.sealmail.cli.huge;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A message of any size made on the fly, never stored: a short header, then numbered 76-character
 * CRLF lines that differ from each other (so a dropped or repeated block changes the hash). Its
 * bytes are already canonical, so decryption gives them back exactly.
 */
final class GeneratedMessage extends InputStream {

    static final String HEADER = "MIME-Version: 1.0\r\nSubject: a very large message\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n\r\n";
    private static final int LINE = 78;

    private final byte[] header;
    private final long size;
    private final byte[] line = new byte[LINE];
    private long position;

    /** @param withHeader false for --der content: the lines only */
    GeneratedMessage(long size, boolean withHeader) {
        this.header = withHeader ? HEADER.getBytes(StandardCharsets.US_ASCII) : new byte[0];
        this.size = size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
            b[off + i] = byteAt(position + i);
        }
        position += n;
        return n;
    }

    private byte byteAt(long at) {
        if (at < header.length) {
            return header[(int) at];
        }
        long body = at - header.length;
        int column = (int) (body % LINE);
        if (column == LINE - 2) {
            return '\r';
        }
        if (column == LINE - 1) {
            return '\n';
        }
        long lineNumber = body / LINE;
        // A cheap mix of line and column: printable, different on every line.
        return (byte) ('0' + (int) ((lineNumber * 31 + column * 7 + (lineNumber >>> 7)) % 75));
    }

    /** SHA-256 of the whole generated stream of {@code size} bytes. */
    static byte[] sha256(long size, boolean withHeader) throws Exception {
        return digest(new GeneratedMessage(size, withHeader));
    }

    static byte[] digest(InputStream in) throws Exception {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            sha.update(buffer, 0, n);
        }
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
