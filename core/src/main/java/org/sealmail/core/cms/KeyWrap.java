package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.core.asn1.Oids;

/** AES key wrap (RFC 3394), the key encryption of key agreement recipients (RFC 3565). */
enum KeyWrap {
    AES128(Oids.AES128_WRAP, 16),
    AES192(Oids.AES192_WRAP, 24),
    AES256(Oids.AES256_WRAP, 32);

    private static final String TRANSFORMATION = "AESWrap";

    private final String oid;
    private final int keyBytes;

    KeyWrap(String oid, int keyBytes) {
        this.oid = oid;
        this.keyBytes = keyBytes;
    }

    static KeyWrap forOid(String oid) {
        for (KeyWrap wrap : values()) {
            if (wrap.oid.equals(oid)) {
                return wrap;
            }
        }
        return null;
    }

    /** The wrap that matches a content key: aes128-wrap for 128-bit keys, aes256-wrap for 256-bit ones. */
    static KeyWrap forContentKey(int contentKeyBytes) {
        for (KeyWrap wrap : values()) {
            if (wrap.keyBytes == contentKeyBytes) {
                return wrap;
            }
        }
        return AES256;
    }

    String oid() {
        return oid;
    }

    /** Length of the key-encryption key, which the KDF derives. */
    int keyBytes() {
        return keyBytes;
    }

    byte[] wrap(byte[] kek, byte[] contentKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"));
        return cipher.doFinal(contentKey);
    }

    /** The unwrapped key, or null when the integrity check fails or the input is not whole 8-byte blocks. */
    static byte[] unwrap(byte[] kek, byte[] wrapped) throws GeneralSecurityException {
        if (wrapped.length < 24 || wrapped.length % 8 != 0) {
            return null; // RFC 3394 wraps at least two 64-bit blocks
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        try {
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"));
            return cipher.doFinal(wrapped);
        } catch (BadPaddingException | IllegalBlockSizeException | InvalidKeyException e) {
            return null;
        }
    }
}
