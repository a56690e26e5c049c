package org.sealmail.core.asn1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;

class BerReaderTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static SmimeException refused(String hex) {
        SmimeException e = assertThrows(SmimeException.class, () -> readEverything(BerReader.of(hex(hex))));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        return e;
    }

    /** Reads every element at every level, as a decoder would: the way hostile input gets exercised. */
    static void readEverything(BerReader reader) throws SmimeException {
        while (!reader.isEmpty()) {
            BerReader.Element element = reader.readAny();
            if (element.isConstructed()) {
                readEverything(element.children());
            } else {
                element.primitiveContent();
            }
        }
    }

    @Test
    void readsDerWrittenByTheWriter() throws Exception {
        byte[] der = new DerWriter().addSequence(seq -> seq
                .addInteger(new BigInteger("-129"))
                .addOid(Oids.AES256_CBC)
                .addNull()
                .addOctetString(new byte[300])).toByteArray();
        BerReader seq = BerReader.of(der).readSequence();
        assertEquals(new BigInteger("-129"), seq.readInteger());
        assertEquals(Oids.AES256_CBC, seq.readOid());
        seq.readNull();
        assertArrayEquals(new byte[300], seq.readOctetString());
        assertTrue(seq.isEmpty());
    }

    @Test
    void readsIndefiniteLengthsAndChunkedOctetStrings() throws Exception {
        // SEQUENCE (indefinite) { OCTET STRING (constructed, indefinite) { "ab", { "c" }, "" }, INTEGER 7 }
        byte[] ber = hex("3080 2480 04026162 2403040163 0400 0000 020107 0000");
        BerReader.Element outer = BerReader.of(ber).readAny();
        assertTrue(outer.isIndefinite());
        BerReader seq = outer.children();
        assertArrayEquals("abc".getBytes(), seq.readOctetString());
        assertEquals(7, seq.readSmallInteger());
        assertTrue(seq.isEmpty());
    }

    @Test
    void readsAnImplicitlyTaggedChunkedString() throws Exception {
        byte[] ber = hex("a080 0402 0102 0401 03 0000");
        assertArrayEquals(new byte[] {1, 2, 3}, BerReader.of(ber).readAny().octets(Tag.OCTET_STRING));
    }

    @Test
    void decodesObjectIdentifiers() throws Exception {
        assertEquals("1.2.840.113549.1.7.3", BerReader.of(hex("06092a864886f70d010703")).readOid());
        assertEquals("2.999.3", BerReader.of(hex("0603883703")).readOid());
    }

    @Test
    void readOptionalLeavesOtherTagsAlone() throws Exception {
        BerReader reader = BerReader.of(hex("020100"));
        assertNull(reader.readOptional(0xa0));
        assertEquals(0, reader.readSmallInteger());
    }

    @Test
    void refusesADeclaredLengthBeyondTheData() {
        SmimeException e = refused("0484 7fffffff 00");
        assertEquals("malformed ASN.1 at byte 0: declared length 2147483647 but only 1 bytes follow", e.getMessage());
    }

    @Test
    void refusesLengthFieldsLongerThanFourBytes() {
        assertTrue(refused("0488 0000000000000001 00").getMessage().contains("length field of 8 bytes"));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < BerReader.MAX_DEPTH + 1; i++) {
            deep.append("3080");
        }
        for (int i = 0; i < BerReader.MAX_DEPTH + 1; i++) {
            deep.append("0000");
        }
        assertTrue(refused(deep.toString()).getMessage().contains("nesting deeper than 64"));
    }

    @Test
    void refusesDeepDefiniteNestingToo() {
        // 100 nested SEQUENCEs of definite length; built inside out.
        byte[] element = new byte[0];
        for (int i = 0; i < 100; i++) {
            byte[] wrapped = new byte[element.length + 2];
            wrapped[0] = 0x30;
            wrapped[1] = (byte) element.length;
            System.arraycopy(element, 0, wrapped, 2, element.length);
            element = i < 60 ? wrapped : withLongLength(element);
        }
        byte[] input = element;
        SmimeException e = assertThrows(SmimeException.class, () -> readEverything(BerReader.of(input)));
        assertTrue(e.getMessage().contains("nesting deeper than 64"), e.getMessage());
    }

    private static byte[] withLongLength(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DerWriter.header(0x30, content.length));
        out.writeBytes(content);
        return out.toByteArray();
    }

    @Test
    void aMillionOpenIndefiniteElementsFailFastWithoutStackOverflow() {
        byte[] input = new byte[2_000_000];
        for (int i = 0; i < input.length; i += 2) {
            input[i] = 0x30;
            input[i + 1] = (byte) 0x80;
        }
        SmimeException e = assertThrows(SmimeException.class, () -> readEverything(BerReader.of(input)));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
    }

    @Test
    void refusesAMissingEndOfContents() {
        assertTrue(refused("3080 020101").getMessage().contains("no end-of-contents marker"));
    }

    @Test
    void refusesIndefiniteLengthOnAPrimitive() {
        assertTrue(refused("0480 01 0000").getMessage().contains("indefinite length on a primitive"));
    }

    @Test
    void refusesAnEmptyInteger() {
        SmimeException e = assertThrows(SmimeException.class, () -> BerReader.of(hex("0200")).readInteger());
        assertTrue(e.getMessage().contains("INTEGER with no content"));
    }

    @Test
    void refusesAHugeObjectIdentifier() {
        byte[] oid = new byte[100_000];
        Arrays.fill(oid, (byte) 0xff);
        oid[oid.length - 1] = 0x01;
        byte[] input = new DerWriter().addPrimitive(Tag.OBJECT_IDENTIFIER, oid).toByteArray();
        assertThrows(SmimeException.class, () -> BerReader.of(input).readOid());
    }

    @Test
    void refusesTrailingData() throws Exception {
        BerReader reader = BerReader.of(hex("0500 00"));
        reader.readNull();
        assertFalse(reader.isEmpty());
        SmimeException e = assertThrows(SmimeException.class, () -> reader.expectEnd("ContentInfo"));
        assertEquals("malformed ASN.1 at byte 2: unexpected data after the ContentInfo", e.getMessage());
    }

    @Test
    void everyTruncationOfARealEncodingIsACleanBadInputError() throws Exception {
        byte[] ber = hex("3080 0609 2a864886f70d010703 a080 3080 020100 3112 3010 020100 3004 0500 0500 0405 0102030405"
                + " 3080 0609 2a864886f70d010701 a080 0402 0102 0401 03 0000 0000 0000 0000 0000");
        readEverything(BerReader.of(ber));
        for (int cut = 0; cut < ber.length; cut++) {
            byte[] truncated = Arrays.copyOf(ber, cut);
            try {
                readEverything(BerReader.of(truncated));
                if (cut != 0) {
                    throw new AssertionError("truncation at " + cut + " was accepted");
                }
            } catch (SmimeException e) {
                assertEquals(SmimeException.Reason.BAD_INPUT, e.reason(), "cut at " + cut);
            }
        }
    }
}
