package org.sealmail.core.asn1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;

/**
 * Reads BER from a stream too large to hold: the caller enters constructed elements one header
 * at a time, takes small elements whole (to parse with {@link BerReader}), and reads a large
 * OCTET STRING, primitive or chunked, as a stream of its octets. Every declared length is checked
 * against the element that holds it, and every error is a bad-input {@link SmimeException} naming
 * the byte offset from the start of the stream, with the same wording as {@link BerReader}.
 */
public final class BerStreamReader {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_LENGTH_BYTES = 8;

    private final InputStream in;
    private final int maxDepth;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    /** Stream offset of buffer[0]. */
    private long bufferStart;
    private final Deque<Frame> open = new ArrayDeque<>();
    private ByteArrayOutputStream capture;
    private int captureLimit;
    private String captureWhat;

    public BerStreamReader(InputStream in) {
        this(in, Limits.DEFAULT);
    }

    /** A reader refusing nesting deeper than {@code limits} allow. */
    public BerStreamReader(InputStream in, Limits limits) {
        this.in = in;
        this.maxDepth = limits.maxNestingDepth();
    }

    /** The header of one element: its tag, where it starts, and its content length (-1: indefinite). */
    public record Header(int tagByte, long offset, long length) {
        public boolean isConstructed() {
            return (tagByte & Tag.CONSTRUCTED_BIT) != 0;
        }

        public boolean isIndefinite() {
            return length < 0;
        }
    }

    /** A constructed element being read: where its content ends (-1 when indefinite). */
    private record Frame(Header header, long end) {
    }

    /** The offset of the next byte, counted from the start of the stream. */
    public long offset() {
        return bufferStart + position;
    }

    /** The identifier octet of the next element, or -1 at the end of the element entered last (or of the stream, outside any). */
    public int peekTag() throws SmimeException {
        if (atEndOfFrame()) {
            return -1;
        }
        if (!fill(1)) {
            // Inside an element that has not ended, the stream did.
            throw endOfData(offset(), "unexpected end of data");
        }
        return buffer[position] & 0xff;
    }

    /** True when the element entered last has no more elements (or, outside any, the stream is done). */
    public boolean atEndOfFrame() throws SmimeException {
        Frame frame = open.peek();
        if (frame == null) {
            return !fill(1);
        }
        if (frame.end >= 0) {
            return offset() >= frame.end;
        }
        return fill(2) && buffer[position] == 0 && buffer[position + 1] == 0;
    }

    /** The next element's header, which must carry {@code tagByte}. */
    public Header readHeader(int tagByte) throws SmimeException {
        long at = offset();
        Header header = readHeader();
        if (header.tagByte != tagByte) {
            throw error(at, String.format("expected tag 0x%02x, found 0x%02x", tagByte, header.tagByte));
        }
        return header;
    }

    /** The next element's header, whatever its tag; its content is next. */
    public Header readHeader() throws SmimeException {
        long at = offset();
        if (atEndOfFrame()) {
            throw error(at, open.isEmpty() || open.peek().end >= 0 ? "unexpected end of data"
                    : "end-of-contents marker where an element was expected");
        }
        int tagByte = readByte(at);
        if ((tagByte & 0x1f) == 0x1f) {
            throw error(at, "tag numbers above 30 are not used here");
        }
        if (tagByte == 0) {
            throw error(at, "end-of-contents marker where an element was expected");
        }
        boolean constructed = (tagByte & Tag.CONSTRUCTED_BIT) != 0;
        int first = readByte(at);
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            if (!constructed) {
                throw error(at, "indefinite length on a primitive element");
            }
            length = -1;
        } else {
            int count = first & 0x7f;
            if (count > MAX_LENGTH_BYTES) {
                throw error(at, "length field of " + count + " bytes; at most " + MAX_LENGTH_BYTES + " are accepted");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | readByte(at);
            }
            if (length < 0) {
                throw error(at, "length does not fit 63 bits");
            }
        }
        if (open.size() + 1 > maxDepth) {
            throw error(at, "nesting deeper than " + maxDepth + " levels " + Limits.Limit.NESTING_DEPTH.named());
        }
        Frame frame = open.peek();
        if (length >= 0 && frame != null && frame.end >= 0 && length > frame.end - offset()) {
            throw error(at, "declared length " + length + " but only " + (frame.end - offset()) + " bytes follow");
        }
        return new Header(tagByte, at, length);
    }

    /** Steps into a constructed element whose header was just read. */
    public void enter(Header header) throws SmimeException {
        if (!header.isConstructed()) {
            throw error(header.offset, String.format("expected a constructed element, tag 0x%02x is primitive",
                    header.tagByte));
        }
        open.push(new Frame(header, header.isIndefinite() ? -1 : offset() + header.length));
    }

    /** Steps out of the element entered last, refusing anything left inside it. */
    public void exit(String what) throws SmimeException {
        Frame frame = open.peek();
        if (!atEndOfFrame()) {
            throw error(offset(), "unexpected data after the " + what);
        }
        if (frame != null && frame.end < 0) {
            skip(2);
        }
        open.pop();
    }

    /** Refuses anything after the outermost element. */
    public void expectEnd(String what) throws SmimeException {
        if (fill(1)) {
            throw error(offset(), "unexpected data after the " + what);
        }
    }

    /**
     * The next element whole, header included, for {@link BerReader#of(byte[], int)}; refused when
     * larger than {@code maxBytes}, so hostile input cannot make it allocate without bound.
     */
    public byte[] readElement(int maxBytes, String what) throws SmimeException {
        capture = new ByteArrayOutputStream();
        captureLimit = maxBytes;
        captureWhat = what;
        try {
            skipElement();
            return capture.toByteArray();
        } finally {
            capture = null;
        }
    }

    /** Reads past the next element, whatever its size, checking its structure. */
    public void skipElement() throws SmimeException {
        Header header = readHeader();
        if (!header.isConstructed()) {
            skip(header.length);
            return;
        }
        enter(header);
        int depth = open.size();
        while (open.size() >= depth) {
            if (atEndOfFrame()) {
                exit("element");
                continue;
            }
            Header child = readHeader();
            if (child.isConstructed()) {
                enter(child);
            } else {
                skip(child.length);
            }
        }
    }

    /**
     * The octets of the string whose header was just read: a primitive element, or a constructed
     * one (definite or indefinite) of {@code chunkTag} chunks, chunked again or not. After the
     * stream returned -1 the reader stands after the string. Errors reach the caller as an
     * IOException carrying the SmimeException ({@link SmimeException#fromIo}).
     */
    public InputStream octets(Header header, int chunkTag) {
        return new OctetStream(header, chunkTag);
    }

    private final class OctetStream extends InputStream {
        private final int chunkTag;
        private final int depth;
        private long remainingInChunk;
        private boolean done;

        OctetStream(Header header, int chunkTag) {
            this.chunkTag = chunkTag;
            this.depth = open.size();
            if (header.isConstructed()) {
                pending = header;
            } else {
                remainingInChunk = header.length;
            }
        }

        private Header pending;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            try {
                while (remainingInChunk == 0) {
                    if (!nextChunk()) {
                        return -1;
                    }
                }
                int n = (int) Math.min(len, remainingInChunk);
                if (position == limit) {
                    if (n >= BUFFER_SIZE / 2) {
                        // Large reads bypass the buffer: one copy fewer for the bulk of the content.
                        int read = readDirect(b, off, n);
                        remainingInChunk -= read;
                        return read;
                    }
                    if (!fill(1)) {
                        throw endOfData(offset(), "unexpected end of data (inside an element that declared more)");
                    }
                }
                n = Math.min(n, limit - position);
                System.arraycopy(buffer, position, b, off, n);
                position += n;
                remainingInChunk -= n;
                return n;
            } catch (SmimeException e) {
                throw e.asIoException();
            }
        }

        private boolean nextChunk() throws SmimeException {
            if (done) {
                return false;
            }
            if (pending != null) {
                enter(pending);
                pending = null;
            }
            while (open.size() > depth) {
                if (atEndOfFrame()) {
                    exit("chunks of the string");
                    continue;
                }
                long at = offset();
                Header chunk = readHeader();
                if ((chunk.tagByte & ~Tag.CONSTRUCTED_BIT) != chunkTag) {
                    throw error(at, String.format("expected tag 0x%02x, found 0x%02x", chunkTag, chunk.tagByte));
                }
                if (chunk.isConstructed()) {
                    enter(chunk);
                } else if (chunk.length > 0) {
                    remainingInChunk = chunk.length;
                    return true;
                }
            }
            done = true;
            return false;
        }
    }

    private int readDirect(byte[] b, int off, int len) throws SmimeException {
        try {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw endOfData(offset(), "unexpected end of data (inside an element that declared more)");
            }
            if (capture != null) {
                captured(b, off, n);
            }
            bufferStart += limit;
            bufferStart += n;
            position = 0;
            limit = 0;
            return n;
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the input", e);
        }
    }

    private void skip(long length) throws SmimeException {
        long left = length;
        while (left > 0) {
            if (position == limit && !fill(1)) {
                throw endOfData(offset(), "unexpected end of data (inside an element that declared " + length + " bytes)");
            }
            int n = (int) Math.min(left, limit - position);
            if (capture != null) {
                captured(buffer, position, n);
            }
            position += n;
            left -= n;
        }
    }

    private int readByte(long elementOffset) throws SmimeException {
        if (!fill(1)) {
            throw endOfData(elementOffset, "element header cut short");
        }
        int b = buffer[position] & 0xff;
        if (capture != null) {
            captured(buffer, position, 1);
        }
        position++;
        return b;
    }

    private void captured(byte[] b, int off, int len) throws SmimeException {
        if (capture.size() + len > captureLimit) {
            throw SmimeException.badInput("a part of the CMS object (the " + captureWhat + ") is "
                    + Limits.largerThan(captureLimit, Limits.Limit.CMS_PART_BYTES));
        }
        capture.write(b, off, len);
    }

    /** Makes at least {@code count} bytes available if the stream has them; false otherwise. */
    private boolean fill(int count) throws SmimeException {
        if (limit - position >= count) {
            return true;
        }
        if (position > 0) {
            int left = limit - position;
            System.arraycopy(buffer, position, buffer, 0, left);
            bufferStart += position;
            position = 0;
            limit = left;
        }
        try {
            while (limit < count) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    return false;
                }
                limit += n;
            }
            return true;
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the input", e);
        }
    }

    /** The stream ended early: named by the innermost element left open, whose length promised more. */
    private SmimeException endOfData(long offset, String what) {
        Frame frame = open.peek();
        if (frame == null) {
            return error(offset, what);
        }
        if (frame.end < 0) {
            return error(frame.header.offset, "indefinite-length element has no end-of-contents marker");
        }
        return error(frame.header.offset, "declared length " + frame.header.length + " but the data ends at byte "
                + offset());
    }

    private static SmimeException error(long offset, String what) {
        return SmimeException.badInput("malformed ASN.1 at byte " + offset + ": " + what);
    }
}
