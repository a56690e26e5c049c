package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.keys.DecryptionKey;

/**
 * Opens EnvelopedData with the keys a user has. Keys whose certificate a recipient info names are
 * tried first; then every key against every recipient sealmail can open, which opens mail stored under an old
 * certificate of the same key and keys given without a certificate.
 *
 * <p>Against padding oracles (Bleichenbacher, RFC 3218): every (recipient, key) pair costs the
 * same, one private-key operation (RSA decryption, or key agreement and unwrap) and one block of
 * content decryption. A failed unwrap goes on with a
 * random content key rather than stopping early, and only a pair whose unwrap worked and whose
 * last block is validly padded gets the full decryption. After a recipient matched a key's
 * certificate, a bad RSA padding, a wrong key and bad content padding all end in the same error.
 * What remains is inherent to EnvelopedData, which has no integrity check: a wrong key that
 * happens to give valid padding (1 time in 256) "decrypts" to garbage.
 */
public final class EnvelopedDataDecryptor {

    static final String CANNOT_DECRYPT =
            "cannot decrypt: the key for this message's recipient does not open it, or the message is damaged";

    private final List<DecryptionKey> keys;
    private final SecureRandom random;

    public EnvelopedDataDecryptor(List<DecryptionKey> keys) {
        this(keys, new SecureRandom());
    }

    EnvelopedDataDecryptor(List<DecryptionKey> keys, SecureRandom random) {
        this.keys = List.copyOf(keys);
        this.random = random;
    }

    /** The decrypted content of {@code message}. */
    public byte[] decrypt(EnvelopedMessage message) throws SmimeException {
        ContentDecryption cipher = ContentDecryption.forOid(message.contentCipherOid());
        cipher.checkIv(message.iv());
        List<RecipientInfo> openable = new ArrayList<>();
        for (RecipientInfo recipient : message.recipients()) {
            if (RecipientSchemes.canOpen(recipient)) {
                openable.add(recipient);
            }
        }
        List<Attempt> named = new ArrayList<>();
        List<Attempt> others = new ArrayList<>();
        for (RecipientInfo recipient : openable) {
            for (DecryptionKey key : keys) {
                (isNamedBy(recipient, key) ? named : others).add(new Attempt(recipient, key));
            }
        }
        try {
            byte[] content = firstThatOpens(named, cipher, message);
            if (content == null) {
                content = firstThatOpens(others, cipher, message);
            }
            if (content != null) {
                return content;
            }
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL,
                    "the Java runtime refused a key algorithm or " + Oids.name(message.contentCipherOid()) + ": " + e.getMessage(), e);
        }
        if (!named.isEmpty()) {
            throw SmimeException.badInput(CANNOT_DECRYPT);
        }
        throw new SmimeException(SmimeException.Reason.NO_MATCHING_KEY, noKeyMessage(message, !openable.isEmpty()));
    }

    /** One key tried on one recipient info. */
    private record Attempt(RecipientInfo recipient, DecryptionKey key) {
    }

    private byte[] firstThatOpens(List<Attempt> attempts, ContentDecryption cipher, EnvelopedMessage message)
            throws GeneralSecurityException {
        for (Attempt attempt : attempts) {
            byte[] content = open(attempt.recipient(), attempt.key().privateKey(), cipher, message);
            if (content != null) {
                return content;
            }
        }
        return null;
    }

    /** The content, or null; costs the same whether the RSA padding was right or wrong. */
    private byte[] open(RecipientInfo recipient, PrivateKey key, ContentDecryption cipher, EnvelopedMessage message)
            throws GeneralSecurityException {
        byte[] contentKey = unwrap(recipient, key, cipher);
        boolean unwrapped = contentKey != null;
        if (!unwrapped) {
            contentKey = new byte[cipher.keyBytes()];
            random.nextBytes(contentKey);
        }
        try {
            boolean padded = cipher.lastBlockPaddingIsValid(contentKey, message.iv(), message.encryptedContent());
            if (unwrapped & padded) {
                return cipher.decrypt(contentKey, message.iv(), message.encryptedContent());
            }
            return null;
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private static boolean isNamedBy(RecipientInfo recipient, DecryptionKey key) {
        return recipient.id() != null && key.certificate() != null && recipient.id().matches(key.certificate());
    }

    private String noKeyMessage(EnvelopedMessage message, boolean anyOpenable) {
        for (RecipientInfo recipient : message.recipients()) {
            String unsupported = RecipientSchemes.unsupportedReason(recipient);
            if (unsupported != null && recipient.id() != null
                    && keys.stream().anyMatch(key -> isNamedBy(recipient, key))) {
                // The user has the right key: say what is missing on our side, not theirs.
                return "the message is encrypted to your key (" + recipient.id().describe() + ") with "
                        + Oids.name(recipient.keyEncryptionOid()) + ", which sealmail cannot open: " + unsupported;
            }
        }
        String reason = anyOpenable ? "none of the keys given opens this message"
                : "this message has no recipient sealmail can open";
        return reason + "; it is encrypted to: " + message.describeRecipients();
    }

    /** The content key, or null when the key does not open the recipient info or the key length is wrong. */
    private static byte[] unwrap(RecipientInfo recipient, PrivateKey key, ContentDecryption cipher)
            throws GeneralSecurityException {
        byte[] contentKey = RecipientSchemes.forInfo(recipient).unwrap(recipient, key);
        if (contentKey != null && contentKey.length != cipher.keyBytes()) {
            Arrays.fill(contentKey, (byte) 0);
            return null;
        }
        return contentKey;
    }
}
