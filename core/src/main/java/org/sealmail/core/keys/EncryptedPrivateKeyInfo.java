package org.sealmail.core.keys;

import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;

/**
 * EncryptedPrivateKeyInfo (RFC 5958 section 3): the body of a PKCS#12 shrouded key bag and of
 * a PEM "ENCRYPTED PRIVATE KEY".
 */
final class EncryptedPrivateKeyInfo {

    private EncryptedPrivateKeyInfo() {
    }

    /** The PKCS#8 PrivateKeyInfo inside; the caller zeroes it once decoded. */
    static byte[] decrypt(BerReader reader, Password password, IterationBudget budget)
            throws SmimeException, PasswordMismatch {
        // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
        BerReader info = reader.readSequence();
        AlgorithmId algorithm = AlgorithmId.read(info);
        byte[] encrypted = info.readOctetString();
        info.expectEnd("encrypted private key");
        return PasswordBasedDecryption.decrypt(algorithm, encrypted, password, budget);
    }
}
