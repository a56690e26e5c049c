package org.sealmail.core.asn1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected bytes below were printed by {@code openssl asn1parse -genstr/-genconf ... -out}. */
class DerWriterTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @ParameterizedTest(name = "OID {0}")
    @CsvSource({
        "1.2.840.113549.1.7.3, 06092a864886f70d010703",
        "2.999.3, 0603883703",
        "2.16.840.1.101.3.4.1.42, 060960864801650304012a",
    })
    void encodesObjectIdentifiersFromDottedStrings(String oid, String expected) {
        assertArrayEquals(hex(expected), new DerWriter().addOid(oid).toByteArray());
    }

    @ParameterizedTest(name = "INTEGER {0}")
    @CsvSource({
        "0, 020100",
        "127, 02017f",
        "128, 02020080",
        "-128, 020180",
        "-129, 0202ff7f",
        "256, 02020100",
        "5373003653003454361653265, 020b0471c71c96453b10a05011",
    })
    void encodesIntegersMinimally(String value, String expected) {
        assertArrayEquals(hex(expected), new DerWriter().addInteger(new BigInteger(value)).toByteArray());
    }

    @Test
    void computesNestedLengths() {
        // openssl asn1parse -genconf: SEQUENCE { INTEGER 5, SET { SEQUENCE { OCTET STRING { INTEGER 1 } } }, NULL }
        byte[] der = new DerWriter().addSequence(seq -> seq
                .addInteger(5)
                .addSet(set -> set.addSequence(inner -> inner
                        .addOctetString(new DerWriter().addInteger(1).toByteArray())))
                .addNull()).toByteArray();
        assertArrayEquals(hex("300e0201053107300504030201010500"), der);
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"0, 0400", "127, 047f", "128, 048180", "255, 0481ff", "256, 04820100", "65536, 0483010000"})
    void usesShortAndLongLengthForms(int length, String expectedHeader) {
        byte[] der = new DerWriter().addOctetString(new byte[length]).toByteArray();
        byte[] header = hex(expectedHeader);
        assertEquals(header.length + length, der.length);
        assertArrayEquals(header, java.util.Arrays.copyOf(der, header.length));
    }

    @Test
    void sortsSetOfMembersByTheirEncodings() {
        byte[] der = new DerWriter().addSetOf(set -> set
                .addOctetString(new byte[] {1})
                .addInteger(300)
                .addInteger(2)
                .addOctetString(new byte[] {0, 0})).toByteArray();
        // 020101 2c.. sorts before 0202012c; 0401.. before 0402..
        assertArrayEquals(hex("310e" + "020102" + "0202012c" + "040101" + "04020000"), der);
    }

    @Test
    void keepsSetMembersInOrderWhenNotSetOf() {
        byte[] der = new DerWriter().addSet(set -> set.addInteger(300).addInteger(2)).toByteArray();
        assertArrayEquals(hex("3107" + "0202012c" + "020102"), der);
    }

    @Test
    void streamsDeferredContentInPlace() throws IOException {
        DerWriter writer = new DerWriter().addSequence(seq -> seq
                .addInteger(1)
                .addDeferredPrimitive(Tag.context(0), 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out, deferred -> deferred.write(new byte[] {7, 8, 9}));
        assertArrayEquals(hex("3008" + "020101" + "8003070809"), out.toByteArray());
        assertEquals(10, writer.length());
    }

    @Test
    void refusesDeferredContentOfTheWrongLength() {
        DerWriter writer = new DerWriter().addDeferredPrimitive(Tag.OCTET_STRING, 4);
        assertThrows(IllegalStateException.class,
                () -> writer.writeTo(new ByteArrayOutputStream(), out -> out.write(new byte[3])));
    }

    @Test
    void contextTagsAreConstructedWhenNested() {
        byte[] der = new DerWriter().addConstructed(Tag.context(0), c -> c.addNull()).toByteArray();
        assertArrayEquals(hex("a0020500"), der);
    }

    @Test
    void refusesMalformedObjectIdentifiers() {
        for (String bad : new String[] {"1", "1..2", "3.1", "1.40", "1.2.-3", "1.02", "a.b", "1.2.+3", "1.2. 3", "1.2.\u0663", ""}) {
            assertThrows(IllegalArgumentException.class, () -> ObjectIdentifiers.encode(bad), bad);
        }
    }
}
