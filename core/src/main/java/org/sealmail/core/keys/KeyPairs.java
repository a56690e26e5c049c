package org.sealmail.core.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/** Whether a certificate's public key belongs to a private key. */
final class KeyPairs {

    private KeyPairs() {
    }

    static boolean matches(PrivateKey privateKey, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        if (privateKey instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey rsaPublic) {
            boolean sameExponent = !(rsa instanceof RSAPrivateCrtKey crt)
                    || crt.getPublicExponent().equals(rsaPublic.getPublicExponent());
            return sameExponent && rsa.getModulus().equals(rsaPublic.getModulus());
        }
        return false;
    }

    /** The first of {@code certificates} that matches {@code privateKey}, or null. */
    static X509Certificate firstMatching(PrivateKey privateKey, List<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            if (matches(privateKey, certificate)) {
                return certificate;
            }
        }
        return null;
    }
}
