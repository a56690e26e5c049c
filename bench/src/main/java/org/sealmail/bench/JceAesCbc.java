package org.sealmail.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ceiling: AES-CBC with PKCS#7 padding straight from the JCE over the same bytes, fed to
 * {@code Cipher.update} in 64 KiB chunks (the size at which the AES-NI intrinsic is used), output
 * into one reused buffer. Nothing else: no key transport, no DER, no base64.
 */
final class JceAesCbc {

    static final int CHUNK = 64 * 1024;

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] buffer = new byte[CHUNK + 16];

    JceAesCbc(String cipherName) {
        SecureRandom random = new SecureRandom();
        byte[] keyBytes = new byte[Ciphers.keyBytes(cipherName)];
        byte[] ivBytes = new byte[16];
        random.nextBytes(keyBytes);
        random.nextBytes(ivBytes);
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.iv = new IvParameterSpec(ivBytes);
    }

    void encrypt(byte[] plaintext, OutputStream out) throws GeneralSecurityException, IOException {
        run(Cipher.ENCRYPT_MODE, plaintext, out);
    }

    void decrypt(byte[] ciphertext, OutputStream out) throws GeneralSecurityException, IOException {
        run(Cipher.DECRYPT_MODE, ciphertext, out);
    }

    /** {@code plaintext} encrypted in one go, as input for the decryption ceiling. */
    byte[] encrypted(byte[] plaintext) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, key, iv);
        return aes.doFinal(plaintext);
    }

    private void run(int mode, byte[] input, OutputStream out) throws GeneralSecurityException, IOException {
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(mode, key, iv);
        for (int offset = 0; offset < input.length; offset += CHUNK) {
            int n = aes.update(input, offset, Math.min(CHUNK, input.length - offset), buffer, 0);
            out.write(buffer, 0, n);
        }
        out.write(buffer, 0, aes.doFinal(buffer, 0));
    }
}
