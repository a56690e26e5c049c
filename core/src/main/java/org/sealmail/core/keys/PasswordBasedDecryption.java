package org.sealmail.core.keys;

import java.util.Arrays;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Tag;

/** Decrypts what PKCS#12 and encrypted PKCS#8 protect with a password, whichever scheme they chose. */
final class PasswordBasedDecryption {

    /** Schemes seen in old files, named so the user learns what the file uses. */
    private static final Map<String, String> KNOWN_UNSUPPORTED = Map.of(
            "1.2.840.113549.1.12.1.1", "pbeWithSHAAnd128BitRC4",
            "1.2.840.113549.1.12.1.2", "pbeWithSHAAnd40BitRC4",
            "1.2.840.113549.1.12.1.4", "pbeWithSHAAnd2-KeyTripleDES-CBC",
            "1.2.840.113549.1.5.3", "pbeWithMD5AndDES-CBC (PBES1)",
            "1.2.840.113549.1.5.6", "pbeWithMD5AndRC2-CBC (PBES1)",
            "1.2.840.113549.1.5.10", "pbeWithSHA1AndDES-CBC (PBES1)",
            "1.2.840.113549.1.5.11", "pbeWithSHA1AndRC2-CBC (PBES1)");

    private PasswordBasedDecryption() {
    }

    /**
     * The plaintext, which in every format read here is one DER SEQUENCE.
     *
     * @throws PasswordMismatch when the padding is wrong or the plaintext is not a SEQUENCE:
     *                          without a MAC, that is what a wrong password looks like
     */
    static byte[] decrypt(AlgorithmId algorithm, byte[] ciphertext, Password password, IterationBudget budget)
            throws SmimeException, PasswordMismatch {
        byte[] plaintext;
        if (algorithm.oid().equals(KeyOids.PBES2)) {
            plaintext = Pbes2.decrypt(algorithm, ciphertext, password, budget);
        } else if (Pkcs12Pbe.handles(algorithm.oid())) {
            plaintext = Pkcs12Pbe.decrypt(algorithm, ciphertext, password, budget);
        } else {
            String name = KNOWN_UNSUPPORTED.getOrDefault(algorithm.oid(), algorithm.oid());
            throw SmimeException.unsupported("password-based encryption " + name + " is not supported"
                    + " (supported: PBES2 with PBKDF2 and AES-CBC or DES-EDE3-CBC, PKCS#12 3DES and RC2)");
        }
        if (!isOneSequence(plaintext)) {
            Arrays.fill(plaintext, (byte) 0);
            throw new PasswordMismatch();
        }
        return plaintext;
    }

    /** Runs an initialised decrypting cipher; a wrong padding is what a wrong password looks like. */
    static byte[] finish(Cipher cipher, byte[] ciphertext) throws SmimeException, PasswordMismatch {
        try {
            return cipher.doFinal(ciphertext);
        } catch (BadPaddingException e) {
            throw new PasswordMismatch();
        } catch (IllegalBlockSizeException e) {
            throw SmimeException.badInput("encrypted content of " + ciphertext.length
                    + " bytes is not a whole number of cipher blocks");
        }
    }

    private static boolean isOneSequence(byte[] plaintext) {
        try {
            BerReader reader = BerReader.of(plaintext);
            reader.read(Tag.SEQUENCE);
            return reader.isEmpty();
        } catch (SmimeException e) {
            return false;
        }
    }
}
