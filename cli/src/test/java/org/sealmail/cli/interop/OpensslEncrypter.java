package org.sealmail.cli.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code openssl cms -encrypt}: a reference encrypter, for the peers and for sealmail decrypt. */
final class OpensslEncrypter {

    private OpensslEncrypter() {
    }

    /** DER ContentInfo of {@code payload} for {@code key}; {@code cipher} is e.g. "-aes256". */
    static byte[] encryptDer(byte[] payload, String cipher, TestKey key) {
        return encrypt(payload, OpensslForm.DER, cipher, List.of(key.certificate()));
    }

    /**
     * {@code input} encrypted in {@code form} with {@code cipher} ("-aes128", "-des3", ...) to
     * every certificate; {@code extraOptions} go before the certificates (e.g. "-subject", "x").
     */
    static byte[] encrypt(byte[] input, OpensslForm form, String cipher, List<Path> certificates,
            String... extraOptions) {
        Peer.OPENSSL.assumeInstalled();
        List<String> command = new ArrayList<>(List.of("openssl", "cms", "-encrypt", cipher));
        command.addAll(form.options());
        command.addAll(List.of(extraOptions));
        certificates.forEach(certificate -> command.add(certificate.toString()));
        return CommandRunner.run(command, Map.of(), input).requireSuccess().stdout();
    }
}
