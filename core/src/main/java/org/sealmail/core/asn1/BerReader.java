package org.sealmail.core.asn1;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;

/**
 * Reads DER and BER the way Go's cryptobyte String does: a cursor over bytes, each read takes
 * one element and checks its tag. Understands indefinite lengths and OCTET STRINGs sent in
 * chunks (what NSS and {@code openssl cms -stream} write).
 *
 * <p>Hostile input cannot hurt it: a declared length is checked against the bytes that exist
 * before anything is used or allocated, nesting deeper than {@link Limits#maxNestingDepth()} is refused, the
 * end of indefinite-length content is found by a loop rather than recursion, and every
 * malformation is a bad-input {@link SmimeException} naming the byte offset.
 */
public final class BerReader {

    /** The default deepest nesting; see {@link Limits#DEFAULT_MAX_NESTING_DEPTH}. */
    public static final int MAX_DEPTH = Limits.DEFAULT.maxNestingDepth();

    private static final int END_OF_CONTENTS = 0x00;

    private final byte[] data;
    private final int end;
    private final int depth;
    private final int maxDepth;
    private final int base;
    private int pos;

    private BerReader(byte[] data, int start, int end, int depth, int maxDepth, int base) {
        this.data = data;
        this.pos = start;
        this.end = end;
        this.depth = depth;
        this.maxDepth = maxDepth;
        this.base = base;
    }

    /** A reader over all of {@code data}; offsets in errors count from its first byte. */
    public static BerReader of(byte[] data) {
        return of(data, 0, Limits.DEFAULT);
    }

    /** The same, refusing nesting deeper than {@code limits} allow. */
    public static BerReader of(byte[] data, Limits limits) {
        return of(data, 0, limits);
    }

    /**
     * A reader over {@code data} cut from a larger stream at {@code baseOffset}: offsets in errors
     * and from {@link #offset()} count from the start of that stream.
     */
    public static BerReader of(byte[] data, int baseOffset) {
        return of(data, baseOffset, Limits.DEFAULT);
    }

    public static BerReader of(byte[] data, int baseOffset, Limits limits) {
        return new BerReader(data, 0, data.length, 0, limits.maxNestingDepth(), baseOffset);
    }

    /** True when every element has been read. */
    public boolean isEmpty() {
        return pos >= end;
    }

    /** The offset of the next element, for messages. */
    public int offset() {
        return base + pos;
    }

    /** The identifier octet of the next element, or -1 when there is none. */
    public int peekTag() {
        return isEmpty() ? -1 : data[pos] & 0xff;
    }

    /** Refuses bytes left over after what the caller expected to be the last element. */
    public void expectEnd(String what) throws SmimeException {
        if (!isEmpty()) {
            throw error(pos, "unexpected data after the " + what);
        }
    }

    /** The next element, which must carry {@code tagByte}. */
    public Element read(int tagByte) throws SmimeException {
        int at = pos;
        Element element = readAny();
        if (element.tagByte() != tagByte) {
            throw error(at, String.format("expected tag 0x%02x, found 0x%02x", tagByte, element.tagByte()));
        }
        return element;
    }

    /** The next element, whatever its tag. */
    public Element readAny() throws SmimeException {
        int headerOffset = pos;
        if (pos >= end) {
            throw error(pos, "unexpected end of data");
        }
        int tagByte = data[pos++] & 0xff;
        if ((tagByte & 0x1f) == 0x1f) {
            throw error(headerOffset, "tag numbers above 30 are not used here");
        }
        if (tagByte == END_OF_CONTENTS) {
            throw error(headerOffset, "end-of-contents marker where an element was expected");
        }
        boolean constructed = (tagByte & Tag.CONSTRUCTED_BIT) != 0;
        long length = readLength(headerOffset, constructed);
        int contentOffset = pos;
        int contentEnd;
        if (length < 0) {
            contentEnd = findEndOfContents(contentOffset);
            pos = contentEnd + 2;
        } else {
            contentEnd = contentOffset + (int) length;
            pos = contentEnd;
        }
        if (constructed && depth + 1 > maxDepth) {
            throw tooDeep(headerOffset);
        }
        return new Element(tagByte, headerOffset, contentOffset, contentEnd, length < 0, pos);
    }

    /** Shorthand: the contents of the next SEQUENCE. */
    public BerReader readSequence() throws SmimeException {
        return read(Tag.SEQUENCE).children();
    }

    /** Shorthand: the contents of the next SET or SET OF. */
    public BerReader readSet() throws SmimeException {
        return read(Tag.SET).children();
    }

    /** The contents of an optional constructed element with this tag, or null when the next one differs. */
    public BerReader readOptional(int tagByte) throws SmimeException {
        return peekTag() == tagByte ? read(tagByte).children() : null;
    }

    public BigInteger readInteger() throws SmimeException {
        Element element = read(Tag.INTEGER);
        byte[] content = element.primitiveContent();
        if (content.length == 0) {
            throw error(element.headerOffset, "INTEGER with no content");
        }
        return new BigInteger(content);
    }

    /** An INTEGER that must fit an int, such as a version number. */
    public int readSmallInteger() throws SmimeException {
        int at = pos;
        BigInteger value = readInteger();
        if (value.bitLength() > 31) {
            throw error(at, "INTEGER too large: " + printable(value));
        }
        return value.intValue();
    }

    /** The value in decimal, or its size when printing it would cost seconds (a hostile 100 KB INTEGER). */
    public static String printable(BigInteger value) {
        return value.bitLength() > 64 ? "of " + value.bitLength() + " bits" : value.toString();
    }

    public void readNull() throws SmimeException {
        Element element = read(Tag.NULL);
        if (element.primitiveContent().length != 0) {
            throw error(element.headerOffset, "NULL with content");
        }
    }

    /** An OBJECT IDENTIFIER in dotted form. */
    public String readOid() throws SmimeException {
        Element element = read(Tag.OBJECT_IDENTIFIER);
        return ObjectIdentifiers.decode(element.primitiveContent(), element.headerOffset());
    }

    /** An OCTET STRING (universal tag 4), in one piece or, in BER, in chunks. */
    public byte[] readOctetString() throws SmimeException {
        int at = pos;
        Element element = readAny();
        if ((element.tagByte() & ~Tag.CONSTRUCTED_BIT) != Tag.OCTET_STRING) {
            throw error(at, String.format("expected an OCTET STRING, found tag 0x%02x", element.tagByte()));
        }
        return element.octets(Tag.OCTET_STRING);
    }

    /** Every element that is left, as its complete encoding (e.g. a Name to compare). */
    public byte[] readEncoded() throws SmimeException {
        Element element = readAny();
        return element.encoding();
    }

    private long readLength(int headerOffset, boolean constructed) throws SmimeException {
        if (pos >= end) {
            throw error(headerOffset, "element header cut short");
        }
        int first = data[pos++] & 0xff;
        if (first < 0x80) {
            return checkFits(headerOffset, first);
        }
        if (first == 0x80) {
            if (!constructed) {
                throw error(headerOffset, "indefinite length on a primitive element");
            }
            return -1;
        }
        int count = first & 0x7f;
        if (count > 4) {
            throw error(headerOffset, "length field of " + count + " bytes; at most 4 are accepted");
        }
        if (end - pos < count) {
            throw error(headerOffset, "element header cut short");
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (data[pos++] & 0xff);
        }
        return checkFits(headerOffset, length);
    }

    private long checkFits(int headerOffset, long length) throws SmimeException {
        if (length > end - pos) {
            throw error(headerOffset, "declared length " + length + " but only " + (end - pos) + " bytes follow");
        }
        return length;
    }

    /**
     * Walks the content of an indefinite-length element to its end-of-contents marker and returns
     * the marker's offset. Nested indefinite elements are counted, not recursed into.
     */
    private int findEndOfContents(int contentOffset) throws SmimeException {
        BerReader walker = new BerReader(data, contentOffset, end, depth + 1, maxDepth, base);
        int open = 1;
        while (true) {
            if (walker.pos + 2 <= end && data[walker.pos] == 0 && data[walker.pos + 1] == 0) {
                open--;
                if (open == 0) {
                    return walker.pos;
                }
                walker.pos += 2;
                continue;
            }
            int headerOffset = walker.pos;
            if (walker.pos >= end) {
                throw error(contentOffset, "indefinite-length element has no end-of-contents marker");
            }
            int tagByte = data[walker.pos++] & 0xff;
            if ((tagByte & 0x1f) == 0x1f) {
                throw error(headerOffset, "tag numbers above 30 are not used here");
            }
            long length = walker.readLength(headerOffset, (tagByte & Tag.CONSTRUCTED_BIT) != 0);
            if (length < 0) {
                open++;
                if (depth + open > maxDepth) {
                    throw tooDeep(headerOffset);
                }
            } else {
                walker.pos += (int) length;
            }
        }
    }

    private SmimeException tooDeep(int offset) {
        return error(offset, "nesting deeper than " + maxDepth + " levels " + Limits.Limit.NESTING_DEPTH.named());
    }

    private SmimeException error(int offset, String what) {
        return SmimeException.badInput("malformed ASN.1 at byte " + (base + offset) + ": " + what);
    }

    /** One element: where its header and content are, and the means to read inside it. */
    public final class Element {
        private final int tagByte;
        private final int headerOffset;
        private final int contentOffset;
        private final int contentEnd;
        private final boolean indefinite;
        private final int encodingEnd;

        private Element(int tagByte, int headerOffset, int contentOffset, int contentEnd,
                boolean indefinite, int encodingEnd) {
            this.tagByte = tagByte;
            this.headerOffset = headerOffset;
            this.contentOffset = contentOffset;
            this.contentEnd = contentEnd;
            this.indefinite = indefinite;
            this.encodingEnd = encodingEnd;
        }

        public int tagByte() {
            return tagByte;
        }

        public int headerOffset() {
            return base + headerOffset;
        }

        public boolean isConstructed() {
            return (tagByte & Tag.CONSTRUCTED_BIT) != 0;
        }

        /** True when the element used BER's indefinite length (never allowed in DER). */
        public boolean isIndefinite() {
            return indefinite;
        }

        public int contentLength() {
            return contentEnd - contentOffset;
        }

        /** A reader over the elements inside this constructed element. */
        public BerReader children() throws SmimeException {
            if (!isConstructed()) {
                throw error(headerOffset, String.format("expected a constructed element, tag 0x%02x is primitive", tagByte));
            }
            return new BerReader(data, contentOffset, contentEnd, depth + 1, maxDepth, base);
        }

        /** The content octets of a primitive element. */
        public byte[] primitiveContent() throws SmimeException {
            if (isConstructed()) {
                throw error(headerOffset, String.format("expected a primitive element, tag 0x%02x is constructed", tagByte));
            }
            return Arrays.copyOfRange(data, contentOffset, contentEnd);
        }

        /** The complete encoding, header included. */
        public byte[] encoding() {
            return Arrays.copyOfRange(data, headerOffset, encodingEnd);
        }

        /**
         * The octets of a string type carried either primitive or, in BER, as a constructed
         * element of chunks with {@code chunkTag} (each chunk possibly chunked again). For an
         * implicitly tagged string such as {@code [0] IMPLICIT OCTET STRING}, the caller checks
         * the tag before asking for the octets.
         */
        public byte[] octets(int chunkTag) throws SmimeException {
            int primitiveTag = tagByte & ~Tag.CONSTRUCTED_BIT;
            if (primitiveTag != chunkTag && (tagByte & 0xc0) == 0) {
                throw error(headerOffset, String.format("expected an OCTET STRING, found tag 0x%02x", tagByte));
            }
            if (!isConstructed()) {
                return primitiveContent();
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream(contentLength());
            BerReader chunks = children();
            while (!chunks.isEmpty()) {
                joined.writeBytes(chunks.read(chunkTag | (chunks.peekTag() & Tag.CONSTRUCTED_BIT)).octets(chunkTag));
            }
            return joined.toByteArray();
        }
    }
}
