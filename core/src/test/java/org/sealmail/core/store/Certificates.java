package org.sealmail.core.store;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.sealmail.core.testing.TestData;

/** Certificates from testdata/pki, read by the JDK alone so that refused ones load too. */
final class Certificates {

    private Certificates() {
    }

    /** Every certificate of the named PEM files, in order. */
    static List<X509Certificate> of(String... pemFiles) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String file : pemFiles) {
                Collection<? extends java.security.cert.Certificate> read =
                        factory.generateCertificates(new ByteArrayInputStream(TestData.read(TestData.pki(file))));
                for (java.security.cert.Certificate certificate : read) {
                    certificates.add((X509Certificate) certificate);
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        return certificates;
    }

    /** The text of a PEM file under testdata/pki. */
    static String pem(String file) {
        return new String(TestData.read(TestData.pki(file)), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
