package org.sealmail.core.keys;

import java.security.GeneralSecurityException;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.PBEParameterSpec;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;

/**
 * The password-based ciphers of PKCS#12 itself (RFC 7292 appendix B and C), found in legacy
 * files: SunJCE implements them, key derivation included, under these names.
 */
final class Pkcs12Pbe {

    private static final Map<String, String> JDK_CIPHERS = Map.of(
            KeyOids.PBE_SHA1_3DES, "PBEWithSHA1AndDESede",
            KeyOids.PBE_SHA1_RC2_128, "PBEWithSHA1AndRC2_128",
            KeyOids.PBE_SHA1_RC2_40, "PBEWithSHA1AndRC2_40");

    private Pkcs12Pbe() {
    }

    static boolean handles(String oid) {
        return JDK_CIPHERS.containsKey(oid);
    }

    static byte[] decrypt(AlgorithmId algorithm, byte[] ciphertext, Password password, IterationBudget budget)
            throws SmimeException, PasswordMismatch {
        // pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
        BerReader params = algorithm.sequenceParameters("PKCS#12 PBE");
        byte[] salt = params.readOctetString();
        int iterations = budget.spend(params.readInteger(), "PKCS#12 PBE");
        params.expectEnd("PKCS#12 PBE parameters");
        if (salt.length == 0) {
            throw SmimeException.badInput("PKCS#12 PBE salt is empty");
        }
        Cipher cipher;
        try {
            cipher = Cipher.getInstance(JDK_CIPHERS.get(algorithm.oid()));
            cipher.init(Cipher.DECRYPT_MODE, password.pkcs12Key(), new PBEParameterSpec(salt, iterations));
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL,
                    "the JDK cannot run " + JDK_CIPHERS.get(algorithm.oid()) + ": " + e.getMessage(), e);
        }
        return PasswordBasedDecryption.finish(cipher, ciphertext);
    }
}
