package org.sealmail.core.store;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.sealmail.core.cms.ContentCipher;

/**
 * One account's encryption settings: the certificates its mail is encrypted to, the content
 * cipher, and whether encryption is on at all.
 *
 * <p>{@code name} is kept as given; {@link AccountStore#save} stores it in the normalized form of
 * {@link AccountName#normalize}, and an account read back carries that form.
 *
 * @param certificates at least one; in the order they are written to the account file
 */
public record Account(String name, List<X509Certificate> certificates, ContentCipher cipher, boolean encryptionOn) {

    public Account {
        Objects.requireNonNull(name, "name");
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(cipher, "cipher");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one certificate");
        }
    }

    /** This account with encryption switched on or off. */
    public Account withEncryption(boolean on) {
        return new Account(name, certificates, cipher, on);
    }
}
