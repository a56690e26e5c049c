package org.sealmail.core.cms;

import java.util.List;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.pem.PemBlock;
import org.sealmail.core.pem.PemReader;

/**
 * A CMS object as users hand it over: DER, BER, or PEM armor labelled CMS, PKCS7 or (as
 * {@code gpgsm --armor} writes) ENCRYPTED MESSAGE.
 */
public final class CmsInput {

    private static final Set<String> LABELS = Set.of("CMS", "PKCS7", "ENCRYPTED MESSAGE");

    private CmsInput() {
    }

    /** The DER/BER bytes of the one CMS object in {@code input}. */
    public static byte[] unwrap(byte[] input) throws SmimeException {
        if (!PemReader.looksLikePem(input)) {
            if (input.length == 0) {
                throw SmimeException.badInput("the input is empty; expected a CMS object");
            }
            return input;
        }
        List<PemBlock> blocks = PemReader.read(input);
        if (blocks.size() != 1 || !LABELS.contains(blocks.get(0).label())) {
            throw SmimeException.badInput("expected one PEM block labelled CMS, PKCS7 or ENCRYPTED MESSAGE, found "
                    + blocks.stream().map(PemBlock::label).toList());
        }
        return blocks.get(0).der();
    }
}
