package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Map;
import org.sealmail.core.SmimeException;
import org.sealmail.core.x509.RecipientCertificate;

/**
 * One way of giving a recipient the content key, in both directions: build the RecipientInfo
 * for a certificate, and recover the content key from a RecipientInfo with a private key. The
 * content cipher is not its business, so EnvelopedData and AuthEnvelopedData share the schemes.
 */
interface RecipientScheme {

    /** An encoded RecipientInfo and its version (the EnvelopedData version depends on it). */
    record Encoded(int version, byte[] der) {
    }

    /** The RecipientInfo that gives {@code contentKey} to {@code recipient}. */
    Encoded recipientInfo(RecipientCertificate recipient, byte[] contentKey, RecipientIdForm idForm,
            SecureRandom random) throws GeneralSecurityException, SmimeException;

    /** Whether this scheme is the one {@code info} uses (whether or not sealmail supports all of it). */
    boolean reads(RecipientInfo info);

    /** What {@code inspect} shows about {@code info} beyond its kind, id and algorithm, in order. */
    default Map<String, String> details(RecipientInfo info) {
        return Map.of();
    }

    /** Why a recipient info this scheme {@link #reads} cannot be opened, or null when it can. */
    String unsupportedReason(RecipientInfo info);

    /**
     * The content key, or null when {@code key} does not open {@code info} (a key of another kind,
     * a wrong key, damage: the caller must not tell which). Only for infos without an
     * {@link #unsupportedReason}.
     */
    byte[] unwrap(RecipientInfo info, PrivateKey key) throws GeneralSecurityException;
}
