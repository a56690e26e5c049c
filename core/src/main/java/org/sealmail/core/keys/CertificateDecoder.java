package org.sealmail.core.keys;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerShape;

/** Decodes one DER certificate, keeping its exact bytes. */
final class CertificateDecoder {

    private CertificateDecoder() {
    }

    /**
     * The certificate whose {@code getEncoded()} returns exactly {@code der}; refuses anything
     * else the JDK would also accept (base64, trailing bytes, BER), so an export of it is
     * byte-identical to the file.
     */
    static X509Certificate decode(byte[] der, String what) throws SmimeException {
        X509Certificate certificate;
        try {
            DerShape.check(der);
        } catch (SmimeException e) {
            throw SmimeException.badInput(what + " does not decode: " + e.getMessage());
        }
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            // RuntimeException: the JDK's parser is not always tidy on hostile input.
            throw SmimeException.badInput(what + " does not decode: " + JdkErrors.describe(e));
        }
        if (!Arrays.equals(encodingOf(certificate, what), der)) {
            throw SmimeException.badInput(what + " is not a single DER-encoded certificate");
        }
        return certificate;
    }

    private static byte[] encodingOf(X509Certificate certificate, String what) throws SmimeException {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw SmimeException.badInput(what + " does not encode: " + JdkErrors.describe(e));
        }
    }
}
