package org.sealmail.core.x509;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sealmail.core.SmimeException;
import org.sealmail.core.pem.PemReader;
import org.sealmail.core.testing.TestData;

/** Certificates the committed test data lacks, built in the test with Bouncy Castle. */
final class BuiltCertificates {

    private BuiltCertificates() {
    }

    /** DER of a certificate for {@code subjectKey}, signed by the test CA's key. */
    static byte[] certificate(String subject, BigInteger serial, PublicKey subjectKey) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Name("CN=sealmail Test CA"), serial,
                    Date.from(Instant.parse("2025-01-01T00:00:00Z")), Date.from(Instant.parse("2045-01-01T00:00:00Z")),
                    new X500Name(subject), subjectKey);
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey())).getEncoded();
        } catch (java.io.IOException | OperatorCreationException | GeneralSecurityException | SmimeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test certificate's RSA key, re-labelled as an RSASSA-PSS key (a different SPKI algorithm). */
    static PublicKey asRsassaPssKey(RSAPublicKey rsa) {
        try {
            return KeyFactory.getInstance("RSASSA-PSS")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey newPublicKey(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey caKey() throws SmimeException, GeneralSecurityException {
        byte[] pkcs8 = PemReader.read(TestData.read(TestData.pki("ca.key"))).get(0).der();
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }
}
