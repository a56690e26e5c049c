package org.sealmail.core.keys;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;

/** PBES2 (RFC 8018 section 6.2) with PBKDF2 and a CBC cipher: what OpenSSL 3 and the JDK write. */
final class Pbes2 {

    private record Scheme(String jdkCipher, String jdkKeyAlgorithm, int keyLength, int ivLength) {
    }

    private static final Map<String, Scheme> SCHEMES = Map.of(
            Oids.AES128_CBC, new Scheme("AES/CBC/PKCS5Padding", "AES", 16, 16),
            KeyOids.AES192_CBC, new Scheme("AES/CBC/PKCS5Padding", "AES", 24, 16),
            Oids.AES256_CBC, new Scheme("AES/CBC/PKCS5Padding", "AES", 32, 16),
            KeyOids.DES_EDE3_CBC, new Scheme("DESede/CBC/PKCS5Padding", "DESede", 24, 8));

    private static final Map<String, String> PBKDF2_PRFS = Map.of(
            KeyOids.HMAC_SHA1, "PBKDF2WithHmacSHA1",
            KeyOids.HMAC_SHA224, "PBKDF2WithHmacSHA224",
            KeyOids.HMAC_SHA256, "PBKDF2WithHmacSHA256",
            KeyOids.HMAC_SHA384, "PBKDF2WithHmacSHA384",
            KeyOids.HMAC_SHA512, "PBKDF2WithHmacSHA512");

    private Pbes2() {
    }

    static byte[] decrypt(AlgorithmId algorithm, byte[] ciphertext, Password password, IterationBudget budget)
            throws SmimeException, PasswordMismatch {
        // PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
        BerReader params = algorithm.sequenceParameters("PBES2");
        AlgorithmId kdf = AlgorithmId.read(params);
        AlgorithmId encryption = AlgorithmId.read(params);
        params.expectEnd("PBES2 parameters");

        Scheme scheme = SCHEMES.get(encryption.oid());
        if (scheme == null) {
            throw SmimeException.unsupported("PBES2 encryption scheme " + encryption.oid() + " is not supported"
                    + " (supported: AES-CBC, DES-EDE3-CBC)");
        }
        if (encryption.parameters() == null || encryption.parameters().tagByte() != Tag.OCTET_STRING) {
            throw SmimeException.badInput("PBES2 encryption scheme has no IV");
        }
        byte[] iv = encryption.parameters().primitiveContent();
        if (iv.length != scheme.ivLength()) {
            throw SmimeException.badInput("PBES2 IV of " + iv.length + " bytes; the cipher needs " + scheme.ivLength());
        }

        byte[] key = deriveKey(kdf, scheme.keyLength(), password, budget);
        try {
            Cipher cipher = Cipher.getInstance(scheme.jdkCipher());
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, scheme.jdkKeyAlgorithm()), new IvParameterSpec(iv));
            return PasswordBasedDecryption.finish(cipher, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL,
                    "the JDK cannot run " + scheme.jdkCipher() + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, ... }, iterationCount INTEGER,
     * keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
     */
    private static byte[] deriveKey(AlgorithmId kdf, int keyLength, Password password, IterationBudget budget)
            throws SmimeException {
        if (!kdf.oid().equals(KeyOids.PBKDF2)) {
            throw SmimeException.unsupported("PBES2 key derivation " + kdf.oid() + " is not supported (only PBKDF2)");
        }
        BerReader params = kdf.sequenceParameters("PBKDF2");
        if (params.peekTag() != Tag.OCTET_STRING) {
            throw SmimeException.unsupported("PBKDF2 salt from another source than an OCTET STRING is not supported");
        }
        byte[] salt = params.readOctetString();
        int iterations = budget.spend(params.readInteger(), "PBKDF2");
        if (params.peekTag() == Tag.INTEGER) {
            int declared = params.readSmallInteger();
            if (declared != keyLength) {
                throw SmimeException.badInput("PBKDF2 key length " + declared + " does not fit the cipher's " + keyLength);
            }
        }
        String prf = KeyOids.HMAC_SHA1;
        if (!params.isEmpty()) {
            prf = AlgorithmId.read(params).oid();
        }
        params.expectEnd("PBKDF2 parameters");
        String jdkName = PBKDF2_PRFS.get(prf);
        if (jdkName == null) {
            throw SmimeException.unsupported("PBKDF2 pseudo-random function " + prf + " is not supported");
        }
        if (salt.length == 0) {
            throw SmimeException.badInput("PBKDF2 salt is empty");
        }

        char[] chars = password.copyOfChars();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, keyLength * 8);
        Arrays.fill(chars, '\0');
        try {
            return SecretKeyFactory.getInstance(jdkName).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL, "the JDK cannot run " + jdkName + ": " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
