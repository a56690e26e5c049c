package org.sealmail.core.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.sealmail.core.mime.HeaderReader;

/**
 * Drops the mbox envelope line ("From sender date") that Postfix local(8) and pipe with flags=F
 * put before a message. It belongs to mbox files only: a Maildir message starts with its header,
 * as Postfix's, procmail's and Dovecot's own Maildir deliveries store it, and IMAP servers serve a
 * file's first line as a header line.
 */
final class EnvelopeLine {

    /** RFC 5322's line limit with its CRLF; an envelope line is far shorter. */
    private static final int MAX_LINE = 1000;

    private EnvelopeLine() {
    }

    /** {@code message} from its first header line on; the envelope line, if any, is read and dropped. */
    static InputStream skip(InputStream message) throws IOException {
        BufferedInputStream in = new BufferedInputStream(message);
        in.mark(MAX_LINE + 1);
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b;
        while (line.size() < MAX_LINE && (b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        byte[] first = line.toByteArray();
        boolean whole = first.length > 0 && first[first.length - 1] == '\n';
        if (!whole || !HeaderReader.isEnvelopeLine(first)) {
            in.reset();
        }
        return in;
    }
}
