package org.sealmail.core.cms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.sealmail.core.SmimeException;

/**
 * The content half of encryption, apart from the CMS framing around it: plaintext in, ciphertext
 * out, in {@link #CHUNK} blocks so the JDK's AES intrinsic does the work (one huge call runs 3-4
 * times slower). An AEAD's tag, which the JDK appends to the last ciphertext, is split off and
 * handed back for the framing to write after the content.
 */
final class ContentEncryption {

    static final int CHUNK = 64 * 1024;

    private ContentEncryption() {
    }

    /**
     * Encrypts all of {@code plain} to {@code ciphertext} with {@code cipher} (initialised to
     * encrypt) and returns the last {@code tagBytes} bytes it produced, the tag (empty for 0). When
     * {@code expectedLength} is not -1 the plaintext must have exactly that many bytes (the framing
     * already announced the length): anything else is an I/O error, raised before a byte beyond
     * the announced length is written.
     */
    static byte[] encrypt(Cipher cipher, int tagBytes, InputStream plain, long expectedLength, OutputStream ciphertext)
            throws IOException, GeneralSecurityException {
        byte[] in = new byte[CHUNK];
        byte[] out = new byte[cipher.getOutputSize(CHUNK)];
        long total = 0;
        try {
            int n;
            while ((n = read(plain, in)) > 0) {
                total += n;
                if (expectedLength >= 0 && total > expectedLength) {
                    throw changedSize(expectedLength, "more");
                }
                ciphertext.write(out, 0, cipher.update(in, 0, n, out, 0));
            }
            if (expectedLength >= 0 && total != expectedLength) {
                throw changedSize(expectedLength, "only " + total);
            }
            byte[] last = cipher.doFinal();
            ciphertext.write(last, 0, last.length - tagBytes);
            return Arrays.copyOfRange(last, last.length - tagBytes, last.length);
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
