package org.sealmail.core.cms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;

/**
 * The authenticated content ciphers sealmail opens (AuthEnvelopedData), streaming.
 *
 * <p>The JDK's AEAD decryption holds all ciphertext until {@code doFinal}: a 1 GiB message
 * would need 1 GiB of heap. So the content is decrypted here with the AEAD's bare keystream
 * (AES-CTR or ChaCha20, {@link AeadAlgorithm#keystream}), which streams, while the plaintext is
 * fed to the same AEAD in encrypt mode, which recomputes the ciphertext and with it the tag the
 * sender's encryption produced; the two tags are compared in constant time once the message's
 * tag has been read. Memory stays {@link #CHUNK}-sized whatever the message size, at the price of
 * running the cipher twice.
 *
 * <p>The consequence callers must handle: plaintext is written before the tag is checked. It is
 * unverified until {@link #decrypt} returns true, and must then be discarded or never released
 * (the CLI writes it to the temp file of {@code --out} and renames that only after success, and
 * holds it in memory, within a cap, for standard output).
 */
enum AeadContentDecryption {
    AES128_GCM(Oids.AES128_GCM, 16, AeadAlgorithm.GCM),
    AES192_GCM(Oids.AES192_GCM, 24, AeadAlgorithm.GCM),
    AES256_GCM(Oids.AES256_GCM, 32, AeadAlgorithm.GCM),
    CHACHA20_POLY1305(Oids.CHACHA20_POLY1305, 32, AeadAlgorithm.CHACHA20_POLY1305);

    private static final int CHUNK = 64 * 1024;
    /** GCM's shortest tag that RFC 5084 allows; ChaCha20-Poly1305's is always 16. */
    static final int MIN_GCM_TAG_BYTES = 12;

    private final String oid;
    private final int keyBytes;
    private final AeadAlgorithm algorithm;

    AeadContentDecryption(String oid, int keyBytes, AeadAlgorithm algorithm) {
        this.oid = oid;
        this.keyBytes = keyBytes;
        this.algorithm = algorithm;
    }

    /** The cipher of {@code oid}, or null when it is no AEAD sealmail knows. */
    static AeadContentDecryption forOid(String oid) {
        for (AeadContentDecryption cipher : values()) {
            if (cipher.oid.equals(oid)) {
                return cipher;
            }
        }
        return null;
    }

    static boolean isGcm(String oid) {
        AeadContentDecryption cipher = forOid(oid);
        return cipher != null && cipher.algorithm == AeadAlgorithm.GCM;
    }

    int keyBytes() {
        return keyBytes;
    }

    /** Refuses a nonce or tag length the algorithm does not have, before any key is touched. */
    void checkParameters(byte[] nonce, int tagBytes) throws SmimeException {
        if (nonce.length != AeadAlgorithm.NONCE_BYTES) {
            throw SmimeException.unsupported(Oids.name(oid) + " with a " + nonce.length
                    + "-byte nonce; sealmail opens the 12-byte nonces RFC 5084 and RFC 8103 ask for");
        }
        boolean gcm = algorithm == AeadAlgorithm.GCM;
        if (tagBytes > AeadAlgorithm.TAG_BYTES || tagBytes < (gcm ? MIN_GCM_TAG_BYTES : AeadAlgorithm.TAG_BYTES)) {
            throw SmimeException.badInput(Oids.name(oid) + " with a " + tagBytes + "-byte tag; "
                    + (gcm ? "RFC 5084 allows 12 to 16 bytes" : "RFC 8103 has 16 bytes"));
        }
    }

    /** Supplies the message's tag once all ciphertext has been read (reading what follows the content). */
    @FunctionalInterface
    interface TagAfterCiphertext {
        byte[] tag() throws SmimeException;
    }

    /**
     * Decrypts {@code ciphertext} to {@code plain} as it streams past, then checks the tag that
     * {@code receivedTag} reads. Returns false when the tag does not match (a wrong key or damaged
     * data: the caller cannot and must not tell which); all plaintext has been written by then.
     *
     * @param aad additional authenticated data (empty in CMS without authenticated attributes)
     */
    boolean decrypt(byte[] key, byte[] nonce, int tagBytes, byte[] aad, InputStream ciphertext, OutputStream plain,
            TagAfterCiphertext receivedTag) throws GeneralSecurityException, SmimeException {
        Cipher keystream = algorithm.keystream(key, nonce);
        Cipher resealing = algorithm.sealing(key, nonce, tagBytes);
        resealing.updateAAD(aad);
        byte[] in = new byte[CHUNK];
        byte[] out = new byte[CHUNK + AeadAlgorithm.TAG_BYTES];
        byte[] discarded = new byte[CHUNK + 2 * AeadAlgorithm.TAG_BYTES];
        try {
            int n;
            while ((n = ContentDecryption.readBlock(ciphertext, in)) > 0) {
                int produced = keystream.update(in, 0, n, out, 0);
                resealing.update(out, 0, produced, discarded, 0);
                ContentDecryption.write(plain, out, produced);
            }
            int produced = keystream.doFinal(out, 0);
            resealing.update(out, 0, produced, discarded, 0);
            ContentDecryption.write(plain, out, produced);
            byte[] tag = receivedTag.tag();
            byte[] last = resealing.doFinal();
            byte[] expected = Arrays.copyOfRange(last, last.length - tagBytes, last.length);
            return tag.length == tagBytes && MessageDigest.isEqual(expected, tag);
        } finally {
            Arrays.fill(out, (byte) 0);
            Arrays.fill(discarded, (byte) 0);
        }
    }

    /** The plaintext, or null when the tag does not match; the in-memory form of the streaming decrypt. */
    byte[] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext, byte[] tag)
            throws GeneralSecurityException, SmimeException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(ciphertext.length);
        boolean ok = decrypt(key, nonce, tag.length, aad, new ByteArrayInputStream(ciphertext), plain, () -> tag);
        return ok ? plain.toByteArray() : null;
    }
}
