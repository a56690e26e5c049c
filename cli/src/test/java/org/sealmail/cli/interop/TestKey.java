package org.sealmail.cli.interop;

import java.nio.file.Path;
import org.sealmail.core.testing.TestData;

/** One recipient of testdata/pki: its certificate, PKCS#8 key and legacy PKCS#12 file. */
record TestKey(String name) {

    static final TestKey RSA2048 = new TestKey("rsa2048");

    Path certificate() {
        return TestData.pki(name + ".pem");
    }

    Path privateKey() {
        return TestData.pki(name + ".key");
    }

    /** PBE-SHA1-3DES, MAC SHA-1, empty password: the form NSS and gpgsm import. */
    Path legacyPkcs12() {
        return TestData.pki(name + "-legacy.p12");
    }

    @Override
    public String toString() {
        return name;
    }
}
