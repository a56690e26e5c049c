package org.sealmail.cli.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.sealmail.core.testing.TestData;

/**
 * A private key file handed to {@code sealmail decrypt --key}: what the test names it, where it
 * is, and whether it needs {@link #PASSWORD} (the password of every protected file in testdata).
 */
record KeyFile(String label, Path path, boolean needsPassword) {

    static final String PASSWORD = "sealmail-test";

    /** PBE-SHA1-3DES PKCS#12 with an empty password, holding the key and its certificate. */
    static KeyFile legacyPkcs12(TestKey key) {
        return new KeyFile(key.name() + "-legacy.p12", key.legacyPkcs12(), false);
    }

    /** Unencrypted PKCS#8 "PRIVATE KEY" alone: no certificate, so tried against every recipient. */
    static KeyFile pkcs8Pem(TestKey key) {
        return new KeyFile(key.name() + ".key (PKCS#8, no certificate)", key.privateKey(), false);
    }

    /** The two files every test key has. */
    static List<KeyFile> basicForms(TestKey key) {
        return List.of(legacyPkcs12(key), pkcs8Pem(key));
    }

    /** The other ways testdata holds the rsa2048 key (see testdata/generate.sh). */
    static List<KeyFile> otherRsa2048Forms() {
        return List.of(
                pki("rsa2048-modern.p12", "OpenSSL 3 default PKCS#12", true),
                pki("rsa2048-legacy-rc2.p12", "openssl -legacy PKCS#12, RC2", true),
                pki("rsa2048-pkcs1.pem", "RSA PRIVATE KEY", false),
                pki("rsa2048-encrypted.pem", "ENCRYPTED PRIVATE KEY", true),
                pki("rsa2048-with-cert.pem", "openssl pkcs12 -nodes", false));
    }

    /** Every form of {@code key}'s private key in testdata. */
    static List<KeyFile> allForms(TestKey key) {
        if (!key.equals(TestKey.RSA2048)) {
            return basicForms(key);
        }
        return Stream.concat(basicForms(key).stream(), otherRsa2048Forms().stream()).toList();
    }

    private static KeyFile pki(String file, String form, boolean needsPassword) {
        return new KeyFile(file + " (" + form + ")", TestData.pki(file), needsPassword);
    }

    @Override
    public String toString() {
        return label;
    }
}
