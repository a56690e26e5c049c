package org.sealmail.core.cms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.core.SmimeException;

/**
 * The content half of encryption, apart from the CMS framing around it: plaintext in, AES-CBC
 * ciphertext out, in {@link #CHUNK} blocks so the JDK's AES intrinsic does the work (one huge
 * call runs 3-4 times slower). An authenticated cipher would be a sibling of this class that
 * also hands back its tag for the framing to write after the content.
 */
final class CbcContentEncryption {

    static final int CHUNK = 64 * 1024;

    private final ContentCipher cipher;

    CbcContentEncryption(ContentCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Encrypts all of {@code plain} to {@code ciphertext}. When {@code expectedLength} is not -1 the
     * plaintext must have exactly that many bytes (the framing already announced the length):
     * anything else is an I/O error, raised before a byte beyond the announced length is written.
     */
    void encrypt(byte[] key, byte[] iv, InputStream plain, long expectedLength, OutputStream ciphertext)
            throws IOException, GeneralSecurityException {
        Cipher aes = Cipher.getInstance(cipher.transformation());
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] in = new byte[CHUNK];
        byte[] out = new byte[CHUNK + ContentCipher.BLOCK_SIZE];
        long total = 0;
        try {
            int n;
            while ((n = read(plain, in)) > 0) {
                total += n;
                if (expectedLength >= 0 && total > expectedLength) {
                    throw changedSize(expectedLength, "more");
                }
                ciphertext.write(out, 0, aes.update(in, 0, n, out, 0));
            }
            if (expectedLength >= 0 && total != expectedLength) {
                throw changedSize(expectedLength, "only " + total);
            }
            ciphertext.write(out, 0, aes.doFinal(out, 0));
        } finally {
            Arrays.fill(in, (byte) 0);
        }
    }

    private static int read(InputStream plain, byte[] block) throws IOException {
        try {
            return plain.readNBytes(block, 0, block.length);
        } catch (IOException e) {
            if (e.getCause() instanceof SmimeException) {
                throw e;
            }
            throw new SmimeException(SmimeException.Reason.IO, "cannot read the message: " + e.getMessage(), e)
                    .asIoException();
        }
    }

    private static IOException changedSize(long expected, String got) {
        return new SmimeException(SmimeException.Reason.IO, "the input changed while it was being encrypted: "
                + expected + " bytes were expected, " + got + " were read; try again").asIoException();
    }
}
