package org.sealmail.cli.interop;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal IMAP4rev1 client over a plain loopback socket (RFC 3501): just enough to log in,
 * select a mailbox and fetch whole messages as the server sends them. Literals ({@code {n}} then
 * CRLF then n bytes) are read by count, never by line, so the bytes compared are exactly the
 * server's. Every read has a timeout, so a silent server fails the test instead of hanging it.
 */
final class ImapSession implements AutoCloseable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
    private static final Pattern FETCH_UID = Pattern.compile("^\\* \\d+ FETCH \\(.*\\bUID (\\d+)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int nextTag = 1;

    private ImapSession(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port} and reads the server's {@code * OK} greeting. */
    static ImapSession open(int port, Duration timeout) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            ImapSession session = new ImapSession(socket);
            String greeting = session.readLine();
            if (!greeting.startsWith("* OK")) {
                throw new IOException("IMAP greeting was not * OK: " + greeting);
            }
            return session;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    void login(String user, String password) {
        command("LOGIN " + quoted(user) + " " + quoted(password));
    }

    void select(String mailbox) {
        command("SELECT " + quoted(mailbox));
    }

    /**
     * {@code UID FETCH 1:* (UID BODY.PEEK[])}: every message of the selected mailbox, keyed by UID
     * in the order the server sent them. PEEK leaves the \Seen flag alone.
     */
    Map<Long, byte[]> fetchAllBodies() {
        Map<Long, byte[]> bodies = new LinkedHashMap<>();
        String tag = send("UID FETCH 1:* (UID BODY.PEEK[])");
        while (true) {
            String line = readLine();
            if (line.startsWith(tag + " ")) {
                requireOk(tag, line);
                return bodies;
            }
            Matcher literal = LITERAL.matcher(line);
            if (!line.startsWith("* ") || !literal.find()) {
                continue;
            }
            byte[] body = readExactly(Integer.parseInt(literal.group(1)));
            String rest = readLine();
            Matcher uid = FETCH_UID.matcher(line + rest);
            if (!uid.matches()) {
                throw new AssertionError("FETCH response without a UID: " + line + " ... " + rest);
            }
            bodies.put(Long.parseLong(uid.group(1)), body);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                send("LOGOUT");
            }
        } catch (UncheckedIOException ignored) {
            // the server may already have gone; closing the socket is all that matters
        } finally {
            socket.close();
        }
    }

    /** Sends one command and reads up to its tagged OK, failing on NO or BAD. */
    private void command(String text) {
        String tag = send(text);
        while (true) {
            String line = readLine();
            if (line.startsWith(tag + " ")) {
                requireOk(tag, line);
                return;
            }
        }
    }

    private String send(String text) {
        String tag = "a" + nextTag++;
        try {
            out.write((tag + " " + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("IMAP: cannot send " + text.split(" ")[0], e);
        }
        return tag;
    }

    private static void requireOk(String tag, String line) {
        if (!line.startsWith(tag + " OK")) {
            throw new AssertionError("IMAP server answered: " + line);
        }
    }

    /** One response line without its CRLF; a line without CRLF is a protocol error. */
    private String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("IMAP server closed the connection after: " + ascii(line));
                }
                if (previous == '\r' && b == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
                previous = b;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("IMAP: cannot read a response line", e);
        }
    }

    private byte[] readExactly(int count) {
        try {
            byte[] bytes = in.readNBytes(count);
            if (bytes.length != count) {
                throw new AssertionError("IMAP literal announced " + count + " bytes, got " + bytes.length);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("IMAP: cannot read a literal of " + count + " bytes", e);
        }
    }

    private static String ascii(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
