package org.sealmail.core.cms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    /**
     * Feed the cipher in chunks: the JDK's AES intrinsics (CBC decryption runs several blocks in
     * parallel there) only help once update() is compiled, and one huge call never is.
     */
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
                + " is not supported; sealmail opens aes128/192/256-cbc, des-ede3-cbc, aes128/192/256-gcm and"
                + " chacha20-poly1305");
    }

    /** Whether {@code oid} is one of these CBC ciphers. */
    static boolean knows(String oid) {
        for (ContentDecryption cipher : values()) {
            if (cipher.oid.equals(oid)) {
                return true;
            }
        }
        return false;
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

    /** What to check once the ciphertext has ended and before the padding is judged. */
    @FunctionalInterface
    interface AfterCiphertext {
        void check() throws SmimeException;
    }

    /**
     * Decrypts {@code ciphertext} to {@code plain} as it streams past, feeding the cipher in
     * {@link #CHUNK} blocks. Returns false when the ciphertext is empty, not whole blocks, or its
     * final padding is wrong (a wrong key or damaged data: the caller cannot and must not tell
     * which); by then everything but the last block has been written to {@code plain}.
     * {@code afterCiphertext} runs between the last ciphertext byte and the padding check.
     */
    boolean decrypt(byte[] key, byte[] iv, InputStream ciphertext, OutputStream plain, AfterCiphertext afterCiphertext)
            throws GeneralSecurityException, SmimeException {
        Cipher cipher = Cipher.getInstance(algorithm + "/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, algorithm), new IvParameterSpec(iv));
        byte[] in = new byte[CHUNK];
        byte[] out = new byte[CHUNK + blockBytes];
        long total = 0;
        try {
            int n;
            while ((n = readBlock(ciphertext, in)) > 0) {
                total += n;
                write(plain, out, cipher.update(in, 0, n, out, 0));
            }
            afterCiphertext.check();
            if (total == 0 || total % blockBytes != 0) {
                // CBC with padding always gives whole blocks, at least one; the JDK would return nothing for no input.
                return false;
            }
            write(plain, out, cipher.doFinal(out, 0));
            return true;
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            return false;
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    /** The plaintext, or null when the padding is wrong; the in-memory form of the streaming decrypt. */
    byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) throws GeneralSecurityException, SmimeException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(ciphertext.length);
        boolean ok = decrypt(key, iv, new ByteArrayInputStream(ciphertext), plain, () -> { });
        return ok ? plain.toByteArray() : null;
    }

    /** Fills {@code block} as far as the stream allows, so every update() gets a large input. */
    static int readBlock(InputStream in, byte[] block) throws SmimeException {
        try {
            return in.readNBytes(block, 0, block.length);
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
    }

    /** Writes decrypted bytes; an SmimeException the stream carries ({@link SmimeException#asIoException}) comes out as itself. */
    static void write(OutputStream plain, byte[] out, int length) throws SmimeException {
        try {
            plain.write(out, 0, length);
        } catch (IOException e) {
            if (e.getCause() instanceof SmimeException carried) {
                throw carried;
            }
            throw new SmimeException(SmimeException.Reason.IO, "cannot write the decrypted content: " + e.getMessage(), e);
        }
    }
}
