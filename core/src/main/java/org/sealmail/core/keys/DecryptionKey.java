package org.sealmail.core.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A private key that may open messages, with its certificate when the key file had one. */
public record DecryptionKey(PrivateKey privateKey, X509Certificate certificate) {
}
