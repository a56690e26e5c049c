package org.sealmail.core.asn1;

import org.sealmail.core.SmimeException;

/**
 * Checks that bytes are a tree of definite-length elements no deeper than the nesting limit,
 * before they reach a parser that recurses without bound: the JDK's certificate and key parsers
 * overflow the stack on 100,000 nested indefinite-length elements.
 */
public final class DerShape {

    private DerShape() {
    }

    /**
     * Refuses indefinite lengths and nesting over {@link org.sealmail.core.Limits#maxNestingDepth()}
     * in the first element of {@code der}; bytes after it are the caller's to judge.
     */
    public static void check(byte[] der) throws SmimeException {
        check(BerReader.of(der).readAny());
    }

    private static void check(BerReader.Element element) throws SmimeException {
        if (element.isIndefinite()) {
            throw SmimeException.badInput("malformed ASN.1 at byte " + element.headerOffset()
                    + ": indefinite length where DER is required");
        }
        if (element.isConstructed()) {
            BerReader children = element.children();
            while (!children.isEmpty()) {
                // Depth is bounded by the reader's nesting limit, so this recursion is too.
                check(children.readAny());
            }
        }
    }
}
