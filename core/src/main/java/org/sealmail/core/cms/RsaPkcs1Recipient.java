package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.x509.RecipientCertificate;

/** KeyTransRecipientInfo with rsaEncryption: RSAES-PKCS1-v1_5, what every client opens. */
final class RsaPkcs1Recipient implements RecipientScheme {

    @Override
    public Encoded recipientInfo(RecipientCertificate recipient, byte[] contentKey, RecipientIdForm idForm,
            SecureRandom random) throws GeneralSecurityException, SmimeException {
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, recipient.publicKey(), random);
        byte[] encryptedKey = rsa.doFinal(contentKey);
        byte[] rid = RecipientIds.keyTransportId(recipient, idForm);
        int version = RecipientIds.keyTransportVersion(idForm);
        return new Encoded(version, new DerWriter().addSequence(keyTransRecipientInfo -> keyTransRecipientInfo
                .addInteger(version)
                .addEncoded(rid)
                .addSequence(algorithm -> algorithm
                        .addOid(Oids.RSA_ENCRYPTION)
                        .addNull())
                .addOctetString(encryptedKey)).toByteArray());
    }

    @Override
    public boolean reads(RecipientInfo info) {
        return info.kind() == RecipientInfo.Kind.KEY_TRANSPORT && info.keyEncryptionOid().equals(Oids.RSA_ENCRYPTION);
    }

    @Override
    public String unsupportedReason(RecipientInfo info) {
        return null;
    }

    @Override
    public byte[] unwrap(RecipientInfo info, PrivateKey key) throws GeneralSecurityException {
        if (!fits(key, info.encryptedKey())) {
            return null;
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, key);
        try {
            return rsa.doFinal(info.encryptedKey());
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            return null;
        }
    }

    /** Whether {@code key} is an RSA key whose modulus has the size of {@code encrypted}. */
    static boolean fits(PrivateKey key, byte[] encrypted) {
        return key instanceof RSAKey rsa && "RSA".equals(key.getAlgorithm())
                && encrypted.length == (rsa.getModulus().bitLength() + 7) / 8;
    }
}
