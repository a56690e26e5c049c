package org.sealmail.core.asn1;

/** Identifier octets of the ASN.1 types sealmail uses (X.690 8.1.2). */
public final class Tag {

    public static final int BOOLEAN = 0x01;
    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OBJECT_IDENTIFIER = 0x06;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;

    /** Bit 6 of the identifier octet: the element holds other elements. */
    public static final int CONSTRUCTED_BIT = 0x20;

    private Tag() {
    }

    /** The context-specific tag byte [n] (primitive form; constructed adds CONSTRUCTED_BIT). */
    public static int context(int number) {
        if (number < 0 || number > 30) {
            throw new IllegalArgumentException("context tag number out of range: " + number);
        }
        return 0x80 | number;
    }
}
