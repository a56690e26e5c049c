package org.sealmail.core.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.KeyAgreement;

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
        if (privateKey instanceof ECPrivateKey && publicKey instanceof ECPublicKey ec) {
            return agreesWith(privateKey, publicKey, "EC", "ECDH", ec.getParams());
        }
        if (privateKey instanceof XECPrivateKey xec && publicKey instanceof XECPublicKey
                && xec.getParams() instanceof NamedParameterSpec named) {
            return agreesWith(privateKey, publicKey, "XDH", "XDH", named);
        }
        return false;
    }

    /**
     * Whether {@code publicKey} belongs to {@code privateKey}, for keys whose public part the JDK
     * does not derive: both agree on the same secret with a fresh key pair only when it does.
     */
    private static boolean agreesWith(PrivateKey privateKey, PublicKey publicKey, String keyAlgorithm,
            String agreementAlgorithm, AlgorithmParameterSpec parameters) {
        byte[] mine = null;
        byte[] theirs = null;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            generator.initialize(parameters);
            KeyPair probe = generator.generateKeyPair();
            mine = agree(agreementAlgorithm, privateKey, probe.getPublic());
            theirs = agree(agreementAlgorithm, probe.getPrivate(), publicKey);
            return MessageDigest.isEqual(mine, theirs);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // another curve, or a key the provider refuses: not this certificate's key
        } finally {
            if (mine != null) {
                Arrays.fill(mine, (byte) 0);
            }
            if (theirs != null) {
                Arrays.fill(theirs, (byte) 0);
            }
        }
    }

    private static byte[] agree(String algorithm, PrivateKey privateKey, PublicKey publicKey)
            throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
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
