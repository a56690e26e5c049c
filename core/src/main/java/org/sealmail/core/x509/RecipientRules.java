package org.sealmail.core.x509;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECKey;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;

/** What makes a certificate usable, or questionable, as a recipient of RSA key transport. */
final class RecipientRules {

    static final int MIN_RSA_BITS = 2048;
    private static final int KEY_ENCIPHERMENT = 2;

    private RecipientRules() {
    }

    /** Why {@code certificate} cannot receive a content key, or null if it can. */
    static String refusal(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if ("EC".equals(key.getAlgorithm())) {
            return "EC keys are not supported yet; an RSA key is required";
        }
        // RSASSA-PSS keys are RSAPublicKeys too, but restricted to signatures.
        if (!(key instanceof RSAPublicKey rsa) || !"RSA".equals(key.getAlgorithm())) {
            return keyName(key) + " keys are not supported; an RSA key is required";
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            return "RSA key of " + bits + " bits; at least " + MIN_RSA_BITS + " are required";
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && (usage.length <= KEY_ENCIPHERMENT || !usage[KEY_ENCIPHERMENT])) {
            return "key usage does not allow key encipherment";
        }
        return null;
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
    private static String keyName(PublicKey key) {
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
