package org.sealmail.cli.interop;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Certificates and keys of testdata/pki, read with Bouncy Castle (not with sealmail). */
final class PemFiles {

    private PemFiles() {
    }

    static List<X509CertificateHolder> certificates(Path pem) {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        for (Object object : objects(pem)) {
            certificates.add((X509CertificateHolder) object);
        }
        return certificates;
    }

    static X509CertificateHolder certificate(Path pem) {
        List<X509CertificateHolder> certificates = certificates(pem);
        if (certificates.size() != 1) {
            throw new IllegalArgumentException(pem + " holds " + certificates.size() + " certificates");
        }
        return certificates.get(0);
    }

    static PrivateKey privateKey(Path pkcs8Pem) {
        try {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) objects(pkcs8Pem).get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> objects(Path pem) {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }
}
