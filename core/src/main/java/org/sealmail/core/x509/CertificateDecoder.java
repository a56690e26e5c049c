package org.sealmail.core.x509;

import java.io.ByteArrayInputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerShape;

/** Decodes bytes that must hold exactly one DER certificate and nothing else. */
final class CertificateDecoder {

    private static final int MAX_REASON_LENGTH = 100;

    private CertificateDecoder() {
    }

    /**
     * @param where      message prefix naming the source, e.g. {@code "block 2: "}
     * @param exactlyOne what to tell the user when bytes follow the certificate
     */
    static X509Certificate decodeOne(byte[] der, String where, String exactlyOne) throws SmimeException {
        String invalid = where + "not a valid X.509 certificate: ";
        if (der.length == 0) {
            throw SmimeException.badInput(invalid + "no content");
        }
        // The JDK parser would also take base64 or PEM text here; a certificate is a DER SEQUENCE.
        if (der[0] != 0x30) {
            throw SmimeException.badInput(invalid + "does not start with a DER SEQUENCE");
        }
        try {
            DerShape.check(der);
        } catch (SmimeException e) {
            throw SmimeException.badInput(invalid + e.getMessage());
        }
        ByteArrayInputStream in = new ByteArrayInputStream(der);
        Certificate parsed;
        try {
            parsed = factory().generateCertificate(in);
        } catch (CertificateException | RuntimeException e) {
            throw new SmimeException(SmimeException.Reason.BAD_INPUT, invalid + shortReason(e), e);
        }
        int trailing = in.available();
        if (trailing > 0) {
            throw SmimeException.badInput(where + trailing + (trailing == 1 ? " byte follows" : " bytes follow")
                    + " the certificate; " + exactlyOne);
        }
        if (!(parsed instanceof X509Certificate certificate)) {
            throw SmimeException.badInput(invalid + "not an X.509 certificate");
        }
        // The JDK accepts some BER (e.g. long-form lengths) and keeps a re-encoded form.
        if (!Arrays.equals(encoded(certificate), der)) {
            throw SmimeException.badInput(invalid + "not DER-encoded");
        }
        return certificate;
    }

    private static CertificateFactory factory() throws SmimeException {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL, "the JDK has no X.509 certificate factory", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) throws SmimeException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL, "cannot re-encode a parsed certificate", e);
        }
    }

    /** The innermost message, which names the actual defect; first line only, printable, bounded. */
    private static String shortReason(Throwable thrown) {
        String message = null;
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return thrown.getClass().getSimpleName();
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < firstLine.length() && i < MAX_REASON_LENGTH; i++) {
            char c = firstLine.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
