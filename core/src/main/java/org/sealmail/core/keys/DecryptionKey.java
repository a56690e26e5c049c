package org.sealmail.core.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.NamedParameterSpec;
import java.util.Objects;

/**
 * A private key that can open messages, with its certificate when the key file held one.
 *
 * @param privateKey  an RSA, EC, X25519 or X448 private key
 * @param certificate the certificate whose public key matches, or null for a bare key
 */
public record DecryptionKey(PrivateKey privateKey, X509Certificate certificate) {

    public DecryptionKey {
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Says which key this is without printing the certificate, and never the key itself. */
    @Override
    public String toString() {
        String key;
        if (privateKey instanceof RSAKey rsa) {
            key = "RSA " + rsa.getModulus().bitLength() + " bits";
        } else if (privateKey instanceof XECKey xec && xec.getParams() instanceof NamedParameterSpec named) {
            key = named.getName();
        } else {
            key = privateKey.getAlgorithm();
        }
        String cert = certificate == null ? "no certificate"
                : certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16);
        return "DecryptionKey[" + key + ", " + cert + "]";
    }
}
