package org.sealmail.core.x509;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECKey;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import org.sealmail.core.SmimeException;

/** What makes a certificate usable, or questionable, as an encryption recipient. */
final class RecipientRules {

    static final int MIN_RSA_BITS = 2048;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    private RecipientRules() {
    }

    /** Why {@code certificate} cannot receive a content key, or null if it can. */
    static String refusal(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if ("EC".equals(key.getAlgorithm())) {
            return ecRefusal(certificate, key);
        }
        if (key instanceof XECKey) {
            return usageAllows(certificate, KEY_AGREEMENT) ? null : "key usage does not allow key agreement";
        }
        // RSASSA-PSS keys are RSAPublicKeys too, but restricted to signatures.
        if (!(key instanceof RSAPublicKey rsa) || !"RSA".equals(key.getAlgorithm())) {
            return keyName(key) + " keys are not supported; an RSA, EC (P-256, P-384, P-521), X25519 or X448 key"
                    + " is required";
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            return "RSA key of " + bits + " bits; at least " + MIN_RSA_BITS + " are required";
        }
        if (!usageAllows(certificate, KEY_ENCIPHERMENT)) {
            return "key usage does not allow key encipherment";
        }
        return null;
    }

    private static String ecRefusal(X509Certificate certificate, PublicKey key) {
        String curveOid;
        try {
            curveOid = EcCurve.namedCurveOid(key);
        } catch (SmimeException e) {
            return "EC public key that does not decode: " + e.getMessage();
        }
        if (curveOid == null) {
            return "EC key with explicit curve parameters; only the named curves P-256, P-384 and P-521 are supported";
        }
        if (EcCurve.forOid(curveOid) == null) {
            return "EC key on curve " + EcCurve.describeOid(curveOid)
                    + ", which is not supported; P-256, P-384 or P-521 is required";
        }
        if (!usageAllows(certificate, KEY_AGREEMENT)) {
            return "EC " + EcCurve.describeOid(curveOid) + " key whose key usage does not allow key agreement";
        }
        return null;
    }

    /** Whether the key usage extension, when present, has bit {@code bit} set. */
    private static boolean usageAllows(X509Certificate certificate, int bit) {
        boolean[] usage = certificate.getKeyUsage();
        return usage == null || (usage.length > bit && usage[bit]);
    }

    /** A warning for a certificate outside its validity period at {@code now}, or null. */
    static String validityWarning(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return "expired on " + utcDate(notAfter) + "; accepted, but renew it";
        }
        if (now.isBefore(notBefore)) {
            return "not valid before " + utcDate(notBefore)
                    + "; accepted, but check its dates and this system's clock";
        }
        return null;
    }

    /** "Ed25519" rather than the JDK's "EdDSA", "X25519" rather than "XDH". */
    static String keyName(PublicKey key) {
        if (key instanceof EdECKey edec) {
            return edec.getParams().getName();
        }
        if (key instanceof XECKey xec && xec.getParams() instanceof NamedParameterSpec named) {
            return named.getName();
        }
        return key.getAlgorithm();
    }

    private static String utcDate(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
