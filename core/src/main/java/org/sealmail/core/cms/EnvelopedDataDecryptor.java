package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.keys.DecryptionKey;

/**
 * Opens EnvelopedData with the keys a user has. A key whose certificate a recipient info names
 * is tried first; then every key is tried against every RSA recipient, which opens mail stored
 * under an old certificate of the same key and keys given without a certificate.
 *
 * <p>No padding oracle: once a recipient matched a certificate, a bad RSA padding goes on with a
 * random content key (RFC 3218 2.3), so it fails where a wrong key or bad content padding fails,
 * with the same message.
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
        List<RecipientInfo> rsaRecipients = new ArrayList<>();
        for (RecipientInfo recipient : message.recipients()) {
            if (recipient.kind() == RecipientInfo.Kind.KEY_TRANSPORT
                    && recipient.keyEncryptionOid().equals(Oids.RSA_ENCRYPTION)) {
                rsaRecipients.add(recipient);
            }
        }
        try {
            boolean matched = false;
            for (RecipientInfo recipient : rsaRecipients) {
                for (DecryptionKey key : keys) {
                    if (isNamedBy(recipient, key)) {
                        matched = true;
                        byte[] content = openAsMatched(recipient, key.privateKey(), cipher, message);
                        if (content != null) {
                            return content;
                        }
                    }
                }
            }
            for (RecipientInfo recipient : rsaRecipients) {
                for (DecryptionKey key : keys) {
                    if (isNamedBy(recipient, key)) {
                        // Tried above; trying again would make a bad RSA padding faster than a wrong key.
                        continue;
                    }
                    byte[] content = openByTrying(recipient, key.privateKey(), cipher, message);
                    if (content != null) {
                        return content;
                    }
                }
            }
            if (matched) {
                throw SmimeException.badInput(CANNOT_DECRYPT);
            }
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL,
                    "the Java runtime refused RSA or " + Oids.name(message.contentCipherOid()) + ": " + e.getMessage(), e);
        }
        throw new SmimeException(SmimeException.Reason.NO_MATCHING_KEY, noKeyMessage(message, keys));
    }

    private static boolean isNamedBy(RecipientInfo recipient, DecryptionKey key) {
        return recipient.id() != null && key.certificate() != null && recipient.id().matches(key.certificate());
    }

    private static String noKeyMessage(EnvelopedMessage message, List<DecryptionKey> keys) {
        for (RecipientInfo recipient : message.recipients()) {
            if (recipient.kind() == RecipientInfo.Kind.KEY_TRANSPORT
                    && !recipient.keyEncryptionOid().equals(Oids.RSA_ENCRYPTION)
                    && keys.stream().anyMatch(key -> isNamedBy(recipient, key))) {
                // The user has the right key: say what is missing on our side, not theirs.
                return "the message is encrypted to your key (" + recipient.id().describe() + ") with "
                        + Oids.name(recipient.keyEncryptionOid())
                        + ", which sealmail does not open yet (only RSA PKCS#1 v1.5)";
            }
        }
        String reason = "none of the keys given opens this message";
        boolean anyRsa = message.recipients().stream().anyMatch(r -> r.kind() == RecipientInfo.Kind.KEY_TRANSPORT
                && r.keyEncryptionOid().equals(Oids.RSA_ENCRYPTION));
        if (!anyRsa) {
            reason = "this message has no RSA (PKCS#1 v1.5) recipient sealmail can open";
        }
        return reason + "; it is encrypted to: " + message.describeRecipients();
    }

    /**
     * The content, or null. A failed RSA unwrap still runs the content decryption, with a random
     * key, so that it takes the time a wrong key takes (no oracle); its result is thrown away, since
     * a random key passes the CBC padding check one time in 256.
     */
    private byte[] openAsMatched(RecipientInfo recipient, PrivateKey key, ContentDecryption cipher,
            EnvelopedMessage message) throws GeneralSecurityException {
        byte[] contentKey = unwrap(recipient, key, cipher);
        boolean unwrapped = contentKey != null;
        if (!unwrapped) {
            contentKey = new byte[cipher.keyBytes()];
            random.nextBytes(contentKey);
        }
        try {
            byte[] content = cipher.decrypt(contentKey, message.iv(), message.encryptedContent());
            if (!unwrapped && content != null) {
                Arrays.fill(content, (byte) 0);
                return null;
            }
            return content;
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /** The content, or null when this key does not open this recipient. */
    private byte[] openByTrying(RecipientInfo recipient, PrivateKey key, ContentDecryption cipher,
            EnvelopedMessage message) throws GeneralSecurityException {
        byte[] contentKey = unwrap(recipient, key, cipher);
        if (contentKey == null) {
            return null;
        }
        try {
            return cipher.decrypt(contentKey, message.iv(), message.encryptedContent());
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /** The content key, or null when the RSA padding or the key length is wrong. */
    private static byte[] unwrap(RecipientInfo recipient, PrivateKey key, ContentDecryption cipher)
            throws GeneralSecurityException {
        byte[] contentKey = rsaDecrypt(key, recipient.encryptedKey());
        if (contentKey != null && contentKey.length != cipher.keyBytes()) {
            Arrays.fill(contentKey, (byte) 0);
            return null;
        }
        return contentKey;
    }

    /** RSAES-PKCS1-v1_5 decryption; null when the key does not fit or the padding is wrong. */
    static byte[] rsaDecrypt(PrivateKey key, byte[] encrypted) throws GeneralSecurityException {
        if (!(key instanceof RSAKey rsa) || encrypted.length != (rsa.getModulus().bitLength() + 7) / 8) {
            return null;
        }
        Cipher rsaCipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsaCipher.init(Cipher.DECRYPT_MODE, key);
        try {
            return rsaCipher.doFinal(encrypted);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            return null;
        }
    }
}
