package org.sealmail.bench;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;

/** The two content ciphers, by sealmail's names ("aes128-cbc", "aes256-cbc"), for the JCE and Bouncy Castle sides. */
final class Ciphers {

    static final String AES128_CBC = "aes128-cbc";
    static final String AES256_CBC = "aes256-cbc";

    private Ciphers() {
    }

    static int keyBytes(String name) {
        return switch (name) {
            case AES128_CBC -> 16;
            case AES256_CBC -> 32;
            default -> throw new IllegalArgumentException("unknown cipher " + name);
        };
    }

    static ASN1ObjectIdentifier bouncyCastleOid(String name) {
        return switch (name) {
            case AES128_CBC -> CMSAlgorithm.AES128_CBC;
            case AES256_CBC -> CMSAlgorithm.AES256_CBC;
            default -> throw new IllegalArgumentException("unknown cipher " + name);
        };
    }
}
