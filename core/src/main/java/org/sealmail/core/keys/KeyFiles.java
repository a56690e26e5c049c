package org.sealmail.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;

/**
 * Reads the private keys of a key file, whatever its format: PKCS#12 (DER), a PKCS#8 key in DER, or PEM holding
 * {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY} (PKCS#1), {@code EC PRIVATE KEY} (SEC1) or {@code ENCRYPTED PRIVATE KEY}
 * (PKCS#8 under PBES2) blocks, with their {@code CERTIFICATE}s if the file has them.
 */
public final class KeyFiles {

    static final String NO_KEY = "no private key found";

    private static final int DER_SEQUENCE = 0x30;
    private static final byte[] PEM_BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);

    private KeyFiles() {
    }

    /**
     * At least one key, in file order, each with its certificate when the file holds one.
     *
     * @param password the password of a PKCS#12 file or an encrypted key; null or empty for none
     * @throws SmimeException BAD_INPUT for a file with no key, a wrong password or damage,
     *                        UNSUPPORTED for keys other than RSA, EC (P-256/384/521), X25519, X448 and formats not implemented
     */
    public static List<DecryptionKey> read(byte[] file, char[] password) throws SmimeException {
        return read(file, password, Limits.DEFAULT);
    }

    /** The same, within {@code limits} (iteration counts of password-based encryption). */
    public static List<DecryptionKey> read(byte[] file, char[] password, Limits limits) throws SmimeException {
        List<DecryptionKey> keys;
        if (file.length > 0 && (file[0] & 0xff) == DER_SEQUENCE && !Pkcs12File.looksLikePkcs12(file)) {
            // DER that is not a PFX: an unencrypted PKCS#8 key, as `openssl pkcs8 -topk8 -nocrypt -outform DER` writes.
            keys = List.of(new DecryptionKey(derPkcs8(file), null));
        } else if (file.length > 0 && (file[0] & 0xff) == DER_SEQUENCE) {
            Pkcs12Contents contents = Pkcs12File.read(file, password, limits);
            if (contents.keys().isEmpty() && !contents.unusableKeys().isEmpty()) {
                throw SmimeException.unsupported(contents.unusableKeys().get(0));
            }
            keys = contents.keys();
        } else if (isBlank(file) || contains(file, PEM_BEGIN)) {
            keys = PemKeyFile.read(file, Password.of(password), limits);
        } else {
            throw SmimeException.badInput("not a key file: expected a PKCS#12 file or PEM with a private key");
        }
        if (keys.isEmpty()) {
            throw SmimeException.badInput(NO_KEY);
        }
        return keys;
    }

    private static PrivateKey derPkcs8(byte[] file) throws SmimeException {
        try {
            return PrivateKeyDecoder.pkcs8(file.clone());
        } catch (SmimeException e) {
            if (e.reason() != SmimeException.Reason.BAD_INPUT) {
                throw e;
            }
            throw SmimeException.badInput("not a key file: DER that is neither PKCS#12 nor a PKCS#8 private key ("
                    + e.getMessage() + ")");
        }
    }

    private static boolean isBlank(byte[] file) {
        for (byte b : file) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
