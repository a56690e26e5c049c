package org.sealmail.core.cms;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.pem.PemBlock;
import org.sealmail.core.pem.PemReader;
import org.sealmail.core.pem.PemStream;

/**
 * A CMS object as users hand it over: DER, BER, or PEM armor labelled CMS, PKCS7 or (as
 * {@code gpgsm --armor} writes) ENCRYPTED MESSAGE.
 */
public final class CmsInput {

    private static final Set<String> LABELS = Set.of("CMS", "PKCS7", "ENCRYPTED MESSAGE");
    private static final String EXPECTED = "CMS, PKCS7 or ENCRYPTED MESSAGE";
    /** How far to look for the start of PEM armor past leading whitespace. */
    private static final int SNIFF_BYTES = 4096;

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
            throw SmimeException.badInput("expected one PEM block labelled " + EXPECTED + ", found "
                    + blocks.stream().map(PemBlock::label).toList());
        }
        return blocks.get(0).der();
    }

    /**
     * The DER/BER bytes of the one CMS object {@code input} holds, as a stream: PEM armor is
     * decoded as it is read, so size does not matter.
     */
    public static InputStream open(InputStream input) throws SmimeException {
        BufferedInputStream in = new BufferedInputStream(input, SNIFF_BYTES * 2);
        byte[] start;
        try {
            in.mark(SNIFF_BYTES);
            start = in.readNBytes(SNIFF_BYTES);
            in.reset();
        } catch (IOException e) {
            throw Failures.ioError("cannot read the input", e);
        }
        if (start.length == 0) {
            throw SmimeException.badInput("the input is empty; expected a CMS object");
        }
        if (!PemReader.looksLikePem(start)) {
            return in;
        }
        return PemStream.open(in, LABELS, EXPECTED);
    }
}
