package org.sealmail.cli.interop;

import java.util.List;
import java.util.Map;

/** {@code openssl cms -encrypt}: a reference encrypter, to check the peers without sealmail. */
final class OpensslEncrypter {

    private OpensslEncrypter() {
    }

    /** DER ContentInfo of {@code payload} for {@code key}; {@code cipher} is e.g. "-aes256". */
    static byte[] encryptDer(byte[] payload, String cipher, TestKey key) {
        Peer.OPENSSL.assumeInstalled();
        return CommandRunner.run(List.of("openssl", "cms", "-encrypt", "-binary", cipher,
                "-outform", "DER", key.certificate().toString()), Map.of(), payload)
                .requireSuccess().stdout();
    }
}
