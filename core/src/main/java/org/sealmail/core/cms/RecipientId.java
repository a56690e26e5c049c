package org.sealmail.core.cms;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import org.sealmail.core.SmimeException;
import org.sealmail.core.x509.CertificateNames;
import org.sealmail.core.x509.RecipientCertificate;

/**
 * How a recipient info names its certificate: by issuer and serial number, or by subject key
 * identifier (RFC 5652 6.2.1). Null fields are the form not used.
 */
public record RecipientId(X500Principal issuer, BigInteger serialNumber, byte[] subjectKeyIdentifier) {

    static RecipientId issuerAndSerial(byte[] issuerDer, BigInteger serial, int offset) throws SmimeException {
        try {
            return new RecipientId(new X500Principal(issuerDer), serial, null);
        } catch (IllegalArgumentException e) {
            throw SmimeException.badInput("malformed issuer name in a recipient info at byte " + offset);
        }
    }

    static RecipientId subjectKeyIdentifier(byte[] ski) {
        return new RecipientId(null, null, ski.clone());
    }

    /** True when {@code certificate} is the one this recipient info names. */
    public boolean matches(X509Certificate certificate) {
        if (issuer != null) {
            return issuer.equals(certificate.getIssuerX500Principal())
                    && serialNumber.equals(certificate.getSerialNumber());
        }
        byte[] ski = RecipientCertificate.subjectKeyIdentifierOf(certificate);
        return ski != null && Arrays.equals(ski, subjectKeyIdentifier);
    }

    /** "issuer CN=Test CA, serial 1000" or "subject key identifier 0a1b...". */
    public String describe() {
        if (issuer != null) {
            return "issuer \"" + CertificateNames.distinguishedName(issuer) + "\" serial "
                    + CertificateNames.serialHex(serialNumber);
        }
        return "subject key identifier " + HexFormat.of().formatHex(subjectKeyIdentifier);
    }
}
