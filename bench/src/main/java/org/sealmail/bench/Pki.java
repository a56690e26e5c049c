package org.sealmail.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates and keys for the benchmarks: testdata/pki/rsa2048 (packed into the jar), and for
 * the recipient-count benchmark, distinct RSA-2048 recipients made on the spot (testdata/pki has
 * fewer than ten interchangeable RSA-2048 certificates).
 */
final class Pki {

    /** Certificates as PEM (what sealmail parses) and as objects (what Bouncy Castle takes), with one private key. */
    record Recipients(byte[] certificatesPem, List<X509Certificate> certificates, byte[] keyPem, PrivateKey key) {
    }

    private Pki() {
    }

    /** testdata/pki/rsa2048.pem and its key. */
    static Recipients rsa2048() {
        byte[] certificatePem = resource("pki/rsa2048.pem");
        byte[] keyPem = resource("pki/rsa2048.key");
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem));
            return new Recipients(certificatePem, List.of(certificate), keyPem, pkcs8(keyPem));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("testdata/pki/rsa2048 does not load: " + e.getMessage(), e);
        }
    }

    /** {@code count} self-signed RSA-2048 encryption certificates; the key is the last one's. */
    static Recipients generated(int count) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            StringBuilder pem = new StringBuilder();
            List<X509Certificate> certificates = new ArrayList<>();
            PrivateKey lastKey = null;
            for (int i = 1; i <= count; i++) {
                KeyPair pair = generator.generateKeyPair();
                X509Certificate certificate = selfSigned(pair, "CN=bench recipient " + i, i);
                certificates.add(certificate);
                pem.append(armor("CERTIFICATE", certificate.getEncoded()));
                lastKey = pair.getPrivate();
            }
            byte[] keyPem = armor("PRIVATE KEY", lastKey.getEncoded()).getBytes(StandardCharsets.US_ASCII);
            return new Recipients(pem.toString().getBytes(StandardCharsets.US_ASCII), certificates, keyPem, lastKey);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make benchmark certificates: " + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String name, int serial)
            throws GeneralSecurityException, OperatorCreationException {
        try {
            Instant now = Instant.now();
            X500Name subject = new X500Name(name);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(serial),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                    subject, pair.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String armor(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static PrivateKey pkcs8(byte[] pem) throws GeneralSecurityException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        String body = text.substring(text.indexOf("-----\n") + 6, text.indexOf("-----END"));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Pki.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not in the benchmark jar; build it with mvn package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
