package org.sealmail.core.store;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.RecipientOptions;

/**
 * One account's encryption settings: the certificates its mail is encrypted to, the content
 * cipher, how the recipient infos are written, and whether encryption is on at all.
 *
 * <p>{@code name} is kept as given; {@link AccountStore#save} stores it in the normalized form of
 * {@link AccountName#normalize}, and an account read back carries that form.
 *
 * @param certificates     at least one; in the order they are written to the account file
 * @param recipientOptions RSA-OAEP or PKCS#1 v1.5, and issuer-serial or SKI; the cipher may still
 *                         force OAEP (the authenticated ciphers always use it)
 */
public record Account(String name, List<X509Certificate> certificates, ContentCipher cipher, boolean encryptionOn,
        RecipientOptions recipientOptions) {

    public Account {
        Objects.requireNonNull(name, "name");
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(recipientOptions, "recipientOptions");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one certificate");
        }
    }

    /** An account with the default recipient options: PKCS#1 v1.5 and issuer-serial. */
    public Account(String name, List<X509Certificate> certificates, ContentCipher cipher, boolean encryptionOn) {
        this(name, certificates, cipher, encryptionOn, RecipientOptions.DEFAULT);
    }

    /** This account with encryption switched on or off. */
    public Account withEncryption(boolean on) {
        return new Account(name, certificates, cipher, on, recipientOptions);
    }
}
