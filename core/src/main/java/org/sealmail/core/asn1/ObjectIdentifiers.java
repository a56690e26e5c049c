package org.sealmail.core.asn1;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.sealmail.core.SmimeException;

/** Encodes object identifiers from their dotted form (X.690 8.19). */
public final class ObjectIdentifiers {

    private static final BigInteger FORTY = BigInteger.valueOf(40);
    private static final int MAX_ENCODED_LENGTH = 128;

    private ObjectIdentifiers() {
    }

    /** The content octets of an OBJECT IDENTIFIER, e.g. "1.2.840.113549.1.7.3". */
    public static byte[] encode(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("an OID needs at least two arcs: " + dotted);
        }
        BigInteger[] arcs = new BigInteger[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!isArc(parts[i])) {
                throw new IllegalArgumentException("not an OID: " + dotted);
            }
            arcs[i] = new BigInteger(parts[i]);
        }
        int first = arcs[0].intValueExact();
        if (first > 2 || (first < 2 && arcs[1].compareTo(FORTY) >= 0)) {
            throw new IllegalArgumentException("not an OID: " + dotted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, arcs[0].multiply(FORTY).add(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, arcs[i]);
        }
        return out.toByteArray();
    }

    /** "0" or digits without a leading zero; a loop, not a regex, as this runs for every OID written. */
    private static boolean isArc(String part) {
        if (part.isEmpty() || (part.charAt(0) == '0' && part.length() > 1)) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The dotted form of OBJECT IDENTIFIER content octets read at {@code offset}. */
    static String decode(byte[] content, int offset) throws SmimeException {
        if (content.length == 0) {
            throw SmimeException.badInput("malformed ASN.1 at byte " + offset + ": empty OBJECT IDENTIFIER");
        }
        if (content.length > MAX_ENCODED_LENGTH) {
            // Real OIDs are a few dozen bytes; a huge one would only cost time.
            throw SmimeException.badInput("malformed ASN.1 at byte " + offset + ": OBJECT IDENTIFIER of "
                    + content.length + " bytes");
        }
        StringBuilder dotted = new StringBuilder();
        BigInteger arc = BigInteger.ZERO;
        boolean first = true;
        boolean arcStarted = false;
        for (int i = 0; i < content.length; i++) {
            int b = content[i] & 0xff;
            if (!arcStarted && b == 0x80) {
                throw SmimeException.badInput("malformed ASN.1 at byte " + offset
                        + ": OBJECT IDENTIFIER arc with a leading zero byte");
            }
            arcStarted = true;
            arc = arc.shiftLeft(7).or(BigInteger.valueOf(b & 0x7f));
            if ((b & 0x80) != 0) {
                continue;
            }
            if (first) {
                int top = arc.compareTo(BigInteger.valueOf(80)) >= 0 ? 2 : arc.intValue() / 40;
                dotted.append(top).append('.').append(arc.subtract(BigInteger.valueOf(40L * top)));
                first = false;
            } else {
                dotted.append('.').append(arc);
            }
            arc = BigInteger.ZERO;
            arcStarted = false;
        }
        if (arcStarted) {
            throw SmimeException.badInput("malformed ASN.1 at byte " + offset + ": OBJECT IDENTIFIER cut short");
        }
        return dotted.toString();
    }

    private static void writeBase128(ByteArrayOutputStream out, BigInteger value) {
        int groups = Math.max(1, (value.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int sevenBits = value.shiftRight(7 * g).intValue() & 0x7f;
            out.write(g == 0 ? sevenBits : sevenBits | 0x80);
        }
    }
}
