package org.sealmail.core.asn1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds DER the way Go's cryptobyte builder does: callers add elements and nest them with
 * lambdas; every length is computed here, never by the caller.
 *
 * <p>Elements may be placeholders whose bytes come later ({@link #addDeferredPrimitive},
 * {@link #addDeferredChunked}); {@link #writeTo(OutputStream, DeferredContent...)} then streams
 * those bytes in place, so a large ciphertext never has to sit inside the encoding. Deferred
 * elements get their contents in the order they appear in the encoding: a ciphertext, then the
 * authentication tag its encryption produced.
 */
public final class DerWriter {

    /** Supplies the bytes of a deferred element while the encoding is being written. */
    @FunctionalInterface
    public interface DeferredContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final long UNKNOWN_LENGTH = -1;
    private static final byte[] END_OF_CONTENTS = {0, 0};
    private static final int INDEFINITE_LENGTH = 0x80;

    private final List<Node> elements = new ArrayList<>();

    public DerWriter addSequence(Consumer<DerWriter> body) {
        return addConstructed(Tag.SEQUENCE, body);
    }

    /** A SET whose members are encoded in the order they are added (e.g. a SET of one). */
    public DerWriter addSet(Consumer<DerWriter> body) {
        return addConstructed(Tag.SET, body);
    }

    /** A SET OF: members are sorted by their encodings, as DER (X.690 11.6) requires. */
    public DerWriter addSetOf(Consumer<DerWriter> body) {
        DerWriter child = new DerWriter();
        body.accept(child);
        List<byte[]> encodings = new ArrayList<>();
        for (Node node : child.elements) {
            encodings.add(encode(node));
        }
        encodings.sort(Arrays::compareUnsigned);
        List<Node> sorted = new ArrayList<>();
        for (byte[] encoding : encodings) {
            sorted.add(new Encoded(encoding));
        }
        elements.add(new Constructed(Tag.SET, sorted));
        return this;
    }

    /** A constructed element with any universal or context tag byte, e.g. {@code Tag.context(0)}. */
    public DerWriter addConstructed(int tagByte, Consumer<DerWriter> body) {
        DerWriter child = new DerWriter();
        body.accept(child);
        elements.add(new Constructed(tagByte | Tag.CONSTRUCTED_BIT, child.elements));
        return this;
    }

    /** Lets {@code body} add elements here, in the middle of a chain (e.g. one of two forms). */
    public DerWriter apply(Consumer<DerWriter> body) {
        body.accept(this);
        return this;
    }

    public DerWriter addPrimitive(int tagByte, byte[] content) {
        elements.add(new Primitive(tagByte, content.clone()));
        return this;
    }

    public DerWriter addInteger(BigInteger value) {
        // BigInteger.toByteArray is already the minimal two's-complement form X.690 8.3.2 asks for.
        return addPrimitive(Tag.INTEGER, value.toByteArray());
    }

    public DerWriter addInteger(long value) {
        return addInteger(BigInteger.valueOf(value));
    }

    public DerWriter addOctetString(byte[] content) {
        return addPrimitive(Tag.OCTET_STRING, content);
    }

    public DerWriter addNull() {
        return addPrimitive(Tag.NULL, new byte[0]);
    }

    public DerWriter addOid(String dotted) {
        return addPrimitive(Tag.OBJECT_IDENTIFIER, ObjectIdentifiers.encode(dotted));
    }

    /** An element that is already DER, such as an issuer Name taken from a certificate. */
    public DerWriter addEncoded(byte[] der) {
        elements.add(new Encoded(der.clone()));
        return this;
    }

    /** A primitive element of {@code length} content bytes that are supplied only when writing. */
    public DerWriter addDeferredPrimitive(int tagByte, long length) {
        elements.add(new Deferred(tagByte, length));
        return this;
    }

    /**
     * An OCTET STRING-like element of unknown length whose bytes are supplied only when writing,
     * written the way {@code openssl cms -stream} and NSS write it: constructed with indefinite
     * length, each write to the stream handed to {@link DeferredContent} becoming one
     * definite-length OCTET STRING chunk (so write in large blocks). Every element that holds it
     * is written with indefinite length too, which makes the whole encoding BER, not DER.
     */
    public DerWriter addDeferredChunked(int tagByte) {
        elements.add(new Deferred(tagByte, UNKNOWN_LENGTH));
        return this;
    }

    /** The total encoded length of everything added so far; not for an encoding with {@link #addDeferredChunked}. */
    public long length() {
        long total = 0;
        for (Node node : elements) {
            total += node.encodedLength();
        }
        return total;
    }

    /** The encoding; only for writers without a deferred element. */
    public byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out, noDeferred());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the encoding, asking {@code deferred} for the bytes of the deferred elements: the
     * first for the first deferred element, and so on; one for each.
     */
    public void writeTo(OutputStream out, DeferredContent... deferred) throws IOException {
        Iterator<DeferredContent> supply = Arrays.asList(deferred).iterator();
        writeTo(out, supply);
        if (supply.hasNext()) {
            throw new IllegalStateException("more deferred contents given than the encoding has deferred elements");
        }
    }

    private void writeTo(OutputStream out, Iterator<DeferredContent> supply) throws IOException {
        for (Node node : elements) {
            node.writeTo(out, supply);
        }
    }

    /** The identifier and length octets of an element; lengths of 128 and more use the long form. */
    public static byte[] header(int tagByte, long contentLength) {
        if (contentLength < 0) {
            throw new IllegalArgumentException("negative length " + contentLength);
        }
        if (contentLength < 0x80) {
            return new byte[] {(byte) tagByte, (byte) contentLength};
        }
        int lengthBytes = (Long.SIZE - Long.numberOfLeadingZeros(contentLength) + 7) / 8;
        byte[] header = new byte[2 + lengthBytes];
        header[0] = (byte) tagByte;
        header[1] = (byte) (0x80 | lengthBytes);
        for (int i = 0; i < lengthBytes; i++) {
            header[2 + i] = (byte) (contentLength >>> (8 * (lengthBytes - 1 - i)));
        }
        return header;
    }

    private static byte[] encode(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            node.writeTo(out, noDeferred());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Iterator<DeferredContent> noDeferred() {
        return Collections.emptyIterator();
    }

    private static DeferredContent next(Iterator<DeferredContent> supply) {
        if (!supply.hasNext()) {
            throw new IllegalStateException("this encoding has a deferred element with no content; use writeTo");
        }
        return supply.next();
    }

    private interface Node {
        long encodedLength();

        /** True when this element or one inside it has no length known before writing. */
        default boolean indefinite() {
            return false;
        }

        void writeTo(OutputStream out, Iterator<DeferredContent> supply) throws IOException;
    }

    private record Primitive(int tagByte, byte[] content) implements Node {
        public long encodedLength() {
            return header(tagByte, content.length).length + (long) content.length;
        }

        public void writeTo(OutputStream out, Iterator<DeferredContent> supply) throws IOException {
            out.write(header(tagByte, content.length));
            out.write(content);
        }
    }

    private record Encoded(byte[] der) implements Node {
        public long encodedLength() {
            return der.length;
        }

        public void writeTo(OutputStream out, Iterator<DeferredContent> supply) throws IOException {
            out.write(der);
        }
    }

    private record Deferred(int tagByte, long length) implements Node {
        public long encodedLength() {
            return header(tagByte, length).length + length;
        }

        public boolean indefinite() {
            return length == UNKNOWN_LENGTH;
        }

        public void writeTo(OutputStream out, Iterator<DeferredContent> supply) throws IOException {
            DeferredContent deferred = next(supply);
            if (indefinite()) {
                out.write(new byte[] {(byte) (tagByte | Tag.CONSTRUCTED_BIT), (byte) INDEFINITE_LENGTH});
                deferred.writeTo(new OctetStringChunks(out));
                out.write(END_OF_CONTENTS);
                return;
            }
            out.write(header(tagByte, length));
            CountingOutputStream counted = new CountingOutputStream(out);
            deferred.writeTo(counted);
            if (counted.count() != length) {
                throw new IllegalStateException(
                        "deferred element declared " + length + " bytes but got " + counted.count());
            }
        }
    }

    private record Constructed(int tagByte, List<Node> children) implements Node {
        long contentLength() {
            long total = 0;
            for (Node child : children) {
                total += child.encodedLength();
            }
            return total;
        }

        public long encodedLength() {
            long content = contentLength();
            return header(tagByte, content).length + content;
        }

        public boolean indefinite() {
            return children.stream().anyMatch(Node::indefinite);
        }

        public void writeTo(OutputStream out, Iterator<DeferredContent> supply) throws IOException {
            boolean indefinite = indefinite();
            out.write(indefinite ? new byte[] {(byte) tagByte, (byte) INDEFINITE_LENGTH}
                    : header(tagByte, contentLength()));
            for (Node child : children) {
                child.writeTo(out, supply);
            }
            if (indefinite) {
                out.write(END_OF_CONTENTS);
            }
        }
    }
}
