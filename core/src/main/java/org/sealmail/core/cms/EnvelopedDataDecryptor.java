package org.sealmail.core.cms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.keys.DecryptionKey;

/**
 * Opens EnvelopedData and AuthEnvelopedData with the keys a user has. Keys whose certificate a recipient info names are
 * tried first; then every key against every recipient sealmail can open, which opens mail stored
 * under an old certificate of the same key and keys given without a certificate. The content
 * streams through: memory does not grow with the message.
 *
 * <p>Against padding oracles (Bleichenbacher, RFC 3218): every (recipient, key) attempt costs the
 * same, one private-key operation (RSA decryption, or key agreement and key unwrap), and a failed
 * unwrap (bad padding, a failed key-wrap check, or a content key of the wrong length) draws a
 * random content key instead of stopping. The first attempt whose unwrap worked
 * decrypts the content; when none worked, the whole content is still decrypted, with the random
 * key, into nothing, so the time taken does not tell whether an unwrap worked. At the end a bad
 * content padding, a failed unwrap and a wrong key give one and the same result: CANNOT_DECRYPT
 * when one of the keys' certificates is named by a recipient, otherwise the no-key message.
 *
 * <p>What this does not do: the content is written out before its last block, or for
 * AuthEnvelopedData its tag, is checked (that is what streaming means), so a wrong key whose
 * unwrap happens to succeed, or damaged or altered content, has already produced output when the
 * error comes; a caller writing to a file must discard it (the CLI's --out does), and a caller
 * that must never release unverified plaintext holds the output until {@code decrypt} returns
 * (see {@link #decrypt(InputStream, OutputStream, Consumer)}). EnvelopedData has no integrity
 * check: a wrong key that gives valid padding (about 1 time in 256) "decrypts" to garbage without
 * error; AuthEnvelopedData's tag refuses any change. The padding check's timing and the JDK's RSA
 * are what the JDK provides.
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

    /** The decrypted content of {@code message}, in memory: for small messages. */
    public byte[] decrypt(EnvelopedMessage message) throws SmimeException {
        ByteArrayOutputStream content = new ByteArrayOutputStream(message.encryptedContent().length);
        decrypt(message.header(), new ByteArrayInputStream(message.encryptedContent()), content, message::mac);
        return content.toByteArray();
    }

    /**
     * Reads the CMS ContentInfo (DER or BER) from {@code cms} and writes its decrypted content to
     * {@code content} as it goes. On an error, part of the content may have been written: see the
     * class comment.
     */
    public void decrypt(InputStream cms, OutputStream content) throws SmimeException {
        decrypt(cms, content, header -> { });
    }

    /**
     * As {@link #decrypt(InputStream, OutputStream)}, telling {@code beforeContent} what the
     * message is before any content is written: a caller that releases output as it comes learns
     * here that it must hold AuthEnvelopedData's back until this method returns, because only then
     * has the tag been checked.
     */
    public void decrypt(InputStream cms, OutputStream content, Consumer<EnvelopedHeader> beforeContent)
            throws SmimeException {
        EnvelopedDataStream stream = EnvelopedDataParser.open(cms);
        beforeContent.accept(stream.header());
        decrypt(stream, content);
    }

    /**
     * Decrypts the content of {@code stream}, whose header the caller has already looked at (to
     * see its recipients, say), and checks the rest of its encoding, the tag of AuthEnvelopedData
     * included; the same as {@link #decrypt(InputStream, OutputStream)} otherwise.
     */
    public void decrypt(EnvelopedDataStream stream, OutputStream content) throws SmimeException {
        decrypt(stream.header(), stream.encryptedContent(), content, () -> {
            stream.finish();
            return stream.mac();
        });
    }

    private void decrypt(EnvelopedHeader message, InputStream ciphertext, OutputStream content,
            AeadContentDecryption.TagAfterCiphertext afterCiphertext) throws SmimeException {
        ContentOpener cipher = ContentOpener.of(message);
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
        List<Attempt> attempts = new ArrayList<>(named);
        attempts.addAll(others);
        if (attempts.isEmpty()) {
            // No key of ours is even tried: nothing secret decides this answer.
            throw new SmimeException(SmimeException.Reason.NO_MATCHING_KEY,
                    noKeyMessage(message, !openable.isEmpty()));
        }
        byte[] contentKey = null;
        try {
            contentKey = firstUnwrapped(attempts, cipher.keyBytes());
            boolean unwrapped = contentKey != null;
            if (!unwrapped) {
                contentKey = new byte[cipher.keyBytes()];
                random.nextBytes(contentKey);
            }
            boolean opened = cipher.open(contentKey, ciphertext,
                    unwrapped ? content : OutputStream.nullOutputStream(), afterCiphertext);
            if (unwrapped & opened) {
                return;
            }
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL,
                    "the Java runtime refused a key algorithm or " + Oids.name(message.contentCipherOid()) + ": " + e.getMessage(), e);
        } finally {
            if (contentKey != null) {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
        if (!named.isEmpty()) {
            throw SmimeException.badInput(CANNOT_DECRYPT);
        }
        throw new SmimeException(SmimeException.Reason.NO_MATCHING_KEY, noKeyMessage(message, true));
    }

    /** One key tried on one recipient info. */
    private record Attempt(RecipientInfo recipient, DecryptionKey key) {
    }

    /** The content key of the first attempt whose unwrap works, or null; every attempt costs one private-key operation. */
    private byte[] firstUnwrapped(List<Attempt> attempts, int keyBytes) throws GeneralSecurityException {
        for (Attempt attempt : attempts) {
            byte[] contentKey = unwrap(attempt.recipient(), attempt.key().privateKey(), keyBytes);
            if (contentKey != null) {
                return contentKey;
            }
            // What the failed attempt would have used: the same work whether or not it failed.
            byte[] discarded = new byte[keyBytes];
            random.nextBytes(discarded);
            Arrays.fill(discarded, (byte) 0);
        }
        return null;
    }

    private static boolean isNamedBy(RecipientInfo recipient, DecryptionKey key) {
        return recipient.id() != null && key.certificate() != null && recipient.id().matches(key.certificate());
    }

    private String noKeyMessage(EnvelopedHeader message, boolean anyOpenable) {
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
    private static byte[] unwrap(RecipientInfo recipient, PrivateKey key, int keyBytes)
            throws GeneralSecurityException {
        byte[] contentKey = RecipientSchemes.forInfo(recipient).unwrap(recipient, key);
        if (contentKey != null && contentKey.length != keyBytes) {
            Arrays.fill(contentKey, (byte) 0);
            return null;
        }
        return contentKey;
    }
}
