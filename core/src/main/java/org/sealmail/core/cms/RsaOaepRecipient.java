package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.x509.RecipientCertificate;

/**
 * KeyTransRecipientInfo with id-RSAES-OAEP (RFC 8017, parameters per RFC 4055). Writes SHA-256
 * with MGF1-SHA-256; reads whatever SHA-1/SHA-2 combination the parameters name.
 */
final class RsaOaepRecipient implements RecipientScheme {

    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";

    @Override
    public Encoded recipientInfo(RecipientCertificate recipient, byte[] contentKey, RecipientIdForm idForm,
            SecureRandom random) throws GeneralSecurityException, SmimeException {
        OaepParameters parameters = OaepParameters.SHA256;
        Cipher rsa = Cipher.getInstance(TRANSFORMATION);
        rsa.init(Cipher.ENCRYPT_MODE, recipient.publicKey(), parameters.spec(), random);
        byte[] encryptedKey = rsa.doFinal(contentKey);
        byte[] rid = RecipientIds.keyTransportId(recipient, idForm);
        int version = RecipientIds.keyTransportVersion(idForm);
        return new Encoded(version, new DerWriter().addSequence(keyTransRecipientInfo -> {
            keyTransRecipientInfo.addInteger(version).addEncoded(rid);
            parameters.addAlgorithmIdentifier(keyTransRecipientInfo);
            keyTransRecipientInfo.addOctetString(encryptedKey);
        }).toByteArray());
    }

    @Override
    public boolean reads(RecipientInfo info) {
        return info.kind() == RecipientInfo.Kind.KEY_TRANSPORT && info.keyEncryptionOid().equals(Oids.RSAES_OAEP);
    }

    @Override
    public Map<String, String> details(RecipientInfo info) {
        try {
            OaepParameters parameters = OaepParameters.parse(info.keyEncryptionParameters());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("oaep-hash", Oids.name(parameters.hashOid()));
            details.put("oaep-mgf", parameters.mgfHashOid() == null ? Oids.name(parameters.mgfOid())
                    : "mgf1-" + Oids.name(parameters.mgfHashOid()));
            if (parameters.label() != null && parameters.label().length > 0) {
                details.put("oaep-label-length", Integer.toString(parameters.label().length));
            }
            return details;
        } catch (SmimeException e) {
            return Map.of();
        }
    }

    @Override
    public String unsupportedReason(RecipientInfo info) {
        try {
            return OaepParameters.parse(info.keyEncryptionParameters()).unsupportedReason();
        } catch (SmimeException e) {
            return "RSAES-OAEP parameters that do not decode: " + e.getMessage();
        }
    }

    @Override
    public byte[] unwrap(RecipientInfo info, PrivateKey key) throws GeneralSecurityException {
        if (!RsaPkcs1Recipient.fits(key, info.encryptedKey())) {
            return null;
        }
        OaepParameters parameters;
        try {
            parameters = OaepParameters.parse(info.keyEncryptionParameters());
        } catch (SmimeException e) {
            return null;
        }
        Cipher rsa = Cipher.getInstance(TRANSFORMATION);
        rsa.init(Cipher.DECRYPT_MODE, key, parameters.spec());
        try {
            return rsa.doFinal(info.encryptedKey());
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            return null;
        }
    }
}
