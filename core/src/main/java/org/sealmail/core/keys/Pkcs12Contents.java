package org.sealmail.core.keys;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a PKCS#12 file holds, in file order. Every certificate keeps the exact bytes it had in
 * the file ({@code getEncoded()} returns them).
 *
 * @param keys              the private keys, each with its certificate when the file has it
 * @param keyCertificates   certificates that have a private key in the file (linked by the
 *                          localKeyId attribute or by public key): what
 *                          {@code openssl pkcs12 -clcerts -nokeys} writes for OpenSSL's files
 * @param otherCertificates all other certificates, such as CA certificates
 *                          ({@code openssl pkcs12 -cacerts -nokeys})
 * @param unusableKeys      why each private key sealmail cannot decrypt with (an EC key, say)
 *                          was left out of {@code keys}; their certificates are still in
 *                          {@code keyCertificates}, so they can be exported
 */
public record Pkcs12Contents(List<DecryptionKey> keys, List<X509Certificate> keyCertificates,
        List<X509Certificate> otherCertificates, List<String> unusableKeys) {

    public Pkcs12Contents {
        keys = List.copyOf(keys);
        keyCertificates = List.copyOf(keyCertificates);
        otherCertificates = List.copyOf(otherCertificates);
        unusableKeys = List.copyOf(unusableKeys);
    }
}
