package org.sealmail.core.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maildir file names (https://cr.yp.to/proto/maildir.html and Dovecot's extensions):
 * {@code SECONDS.M<microseconds>P<pid>Q<sequence>R<random>.HOST}, unique across hosts,
 * processes, threads and time; {@code ,S=<size>} may follow and the flags {@code :2,FLAGS} come last.
 */
final class MaildirName {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SIZE_FIELD = Pattern.compile(",S=(\\d+)");
    private static final String HOST = escapeHost(hostName());

    private MaildirName() {
    }

    /** A new unique name, without size or flags. */
    static String unique() {
        return unique(Instant.now(), ProcessHandle.current().pid(), HOST);
    }

    static String unique(Instant now, long pid, String escapedHost) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return now.getEpochSecond() + ".M" + now.getNano() / 1000 + "P" + pid + "Q" + SEQUENCE.incrementAndGet()
                + "R" + HexFormat.of().formatHex(random) + "." + escapedHost;
    }

    /**
     * The host name as a name part: '/' and ':' written as {@code \057} and {@code \072} (the
     * Maildir rule), and ',' as {@code \054}, since Dovecot starts its fields with a comma.
     */
    static String escapeHost(String host) {
        StringBuilder escaped = new StringBuilder();
        for (char c : host.toCharArray()) {
            switch (c) {
                case '/' -> escaped.append("\\057");
                case ':' -> escaped.append("\\072");
                case ',' -> escaped.append("\\054");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The name without its flags: what identifies a message while readers change the flags. */
    static String base(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** {@code name} with its {@code ,S=} field set to {@code size}; unchanged when it has none. */
    static String withSize(String name, long size) {
        String base = base(name);
        Matcher field = SIZE_FIELD.matcher(base);
        if (!field.find()) {
            return name;
        }
        return base.substring(0, field.start()) + ",S=" + size + base.substring(field.end())
                + name.substring(base.length());
    }

    private static String hostName() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
