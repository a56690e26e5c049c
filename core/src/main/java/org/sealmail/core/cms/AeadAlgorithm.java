package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.core.asn1.DerWriter;

/**
 * The two AEAD constructions of AuthEnvelopedData, as the JDK provides them: AES-GCM (RFC 5084)
 * and ChaCha20-Poly1305 (RFC 8103). Both take a 12-byte nonce; sealmail writes 16-byte tags.
 *
 * <p>Besides the AEAD cipher itself each gives its bare keystream cipher (AES-CTR from the
 * counter block GCM starts its encryption with; ChaCha20 from block 1), which decrypts exactly
 * as the AEAD does but as the bytes stream: see {@link AeadContentDecryption}.
 */
enum AeadAlgorithm {
    GCM,
    CHACHA20_POLY1305;

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    /** The AEAD in encrypt mode: what writes a message, and what recomputes a tag when reading one. */
    Cipher sealing(byte[] key, byte[] nonce, int tagBytes) throws GeneralSecurityException {
        Cipher cipher;
        if (this == GCM) {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(tagBytes * 8, nonce));
        } else {
            cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        }
        return cipher;
    }

    /**
     * The keystream the AEAD encrypts with, as a cipher of its own: GCM encrypts with AES-CTR from
     * inc32(J0) = nonce || 00000002 (NIST SP 800-38D 7.1; a 12-byte nonce makes J0 nonce || 00000001),
     * ChaCha20-Poly1305 with ChaCha20 from block counter 1 (RFC 8439 2.8; block 0 keys Poly1305).
     * The JDK's CTR carries into the nonce after 2^32 blocks where GCM would wrap, but GCM ends
     * before that (at most 2^32 - 2 blocks).
     */
    Cipher keystream(byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher;
        if (this == GCM) {
            byte[] counter = new byte[16];
            System.arraycopy(nonce, 0, counter, 0, NONCE_BYTES);
            counter[15] = 2;
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
        } else {
            cipher = Cipher.getInstance("ChaCha20");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, 1));
        }
        return cipher;
    }

    /**
     * Adds the AlgorithmIdentifier parameters: GCMParameters { aes-nonce, aes-ICVlen } with the tag
     * length written out although 12 is the default (RFC 5084 3.2), or the bare nonce (RFC 8103 4).
     */
    void addParameters(DerWriter algorithm, byte[] nonce) {
        if (this == GCM) {
            algorithm.addSequence(parameters -> parameters.addOctetString(nonce).addInteger(TAG_BYTES));
        } else {
            algorithm.addOctetString(nonce);
        }
    }
}
