package org.sealmail.core.cms;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;

/** The content ciphers sealmail can open: AES-CBC of each size and, for old archives, 3DES-CBC. */
enum ContentDecryption {
    AES128_CBC(Oids.AES128_CBC, "AES", 16, 16),
    AES192_CBC(Oids.AES192_CBC, "AES", 24, 16),
    AES256_CBC(Oids.AES256_CBC, "AES", 32, 16),
    DES_EDE3_CBC(Oids.DES_EDE3_CBC, "DESede", 24, 8);

    /** Feed the cipher in chunks: the JDK's AES intrinsics only help once update() is compiled. */
    private static final int CHUNK = 64 * 1024;

    private final String oid;
    private final String algorithm;
    private final int keyBytes;
    private final int blockBytes;

    ContentDecryption(String oid, String algorithm, int keyBytes, int blockBytes) {
        this.oid = oid;
        this.algorithm = algorithm;
        this.keyBytes = keyBytes;
        this.blockBytes = blockBytes;
    }

    static ContentDecryption forOid(String oid) throws SmimeException {
        for (ContentDecryption cipher : values()) {
            if (cipher.oid.equals(oid)) {
                return cipher;
            }
        }
        throw SmimeException.unsupported("content cipher " + Oids.name(oid)
                + " is not supported; sealmail opens aes128/192/256-cbc and des-ede3-cbc");
    }

    int keyBytes() {
        return keyBytes;
    }

    /** Refuses an IV of the wrong size before any key is touched: it says nothing about the key. */
    void checkIv(byte[] iv) throws SmimeException {
        if (iv.length != blockBytes) {
            throw SmimeException.badInput(Oids.name(oid) + " needs a " + blockBytes + "-byte IV; the message has "
                    + iv.length + " bytes");
        }
    }

    /**
     * Whether the last block decrypts to valid PKCS#7 padding under {@code key}: one block of work,
     * whatever the message size, so trying a key costs the same whether or not it fits.
     */
    boolean lastBlockPaddingIsValid(byte[] key, byte[] iv, byte[] ciphertext) throws GeneralSecurityException {
        if (ciphertext.length == 0 || ciphertext.length % blockBytes != 0) {
            return false;
        }
        int last = ciphertext.length - blockBytes;
        byte[] previous = last == 0 ? iv : Arrays.copyOfRange(ciphertext, last - blockBytes, last);
        Cipher cipher = Cipher.getInstance(algorithm + "/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, algorithm), new IvParameterSpec(previous));
        byte[] block = cipher.doFinal(ciphertext, last, blockBytes);
        int pad = block[blockBytes - 1] & 0xff;
        int bad = (pad == 0 || pad > blockBytes) ? 1 : 0;
        for (int i = 0; i < blockBytes; i++) {
            // Every byte is looked at, so the time does not depend on where the padding breaks.
            int inPadding = i >= blockBytes - pad ? 1 : 0;
            bad |= inPadding & ((block[i] & 0xff) != pad ? 1 : 0);
        }
        Arrays.fill(block, (byte) 0);
        return bad == 0;
    }

    /**
     * The plaintext, or null when the padding is wrong (a wrong key or damaged data: the caller
     * cannot and must not tell which).
     */
    byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) throws GeneralSecurityException {
        if (ciphertext.length == 0 || ciphertext.length % blockBytes != 0) {
            // CBC with padding always gives whole blocks, at least one; the JDK would return nothing for no input.
            return null;
        }
        Cipher cipher = Cipher.getInstance(algorithm + "/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, algorithm), new IvParameterSpec(iv));
        ByteArrayOutputStream plain = new ByteArrayOutputStream(ciphertext.length);
        byte[] out = new byte[CHUNK + blockBytes];
        try {
            for (int off = 0; off < ciphertext.length; off += CHUNK) {
                int produced = cipher.update(ciphertext, off, Math.min(CHUNK, ciphertext.length - off), out, 0);
                plain.write(out, 0, produced);
            }
            int produced = cipher.doFinal(out, 0);
            plain.write(out, 0, produced);
            return plain.toByteArray();
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            return null;
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }
}
