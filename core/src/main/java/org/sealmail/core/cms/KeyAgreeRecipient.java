package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;
import org.sealmail.core.x509.EcCurve;
import org.sealmail.core.x509.RecipientCertificate;

/**
 * KeyAgreeRecipientInfo with ephemeral-static Diffie-Hellman: ECDH on P-256/384/521 (RFC 5753:
 * sha256kdf for P-256, sha384kdf for P-384 and P-521) and X25519/X448 (RFC 8418: HKDF-SHA-256,
 * HKDF-SHA-512), the key-encryption key derived over ECC-CMS-SharedInfo and the content key
 * wrapped with the AES key wrap of its own size. Reads every scheme of {@link KeyAgreementScheme}.
 */
final class KeyAgreeRecipient implements RecipientScheme {

    private static final int VERSION = 3;
    private static final int ORIGINATOR = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int ORIGINATOR_KEY = Tag.context(1) | Tag.CONSTRUCTED_BIT;
    private static final int KARI = Tag.context(1) | Tag.CONSTRUCTED_BIT;
    private static final int ENTITY_U_INFO = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int SUPP_PUB_INFO = Tag.context(2) | Tag.CONSTRUCTED_BIT;

    @Override
    public Encoded recipientInfo(RecipientCertificate recipient, byte[] contentKey, RecipientIdForm idForm,
            SecureRandom random) throws GeneralSecurityException, SmimeException {
        PublicKey recipientKey = recipient.publicKey();
        KeyPair ephemeral;
        KeyAgreementScheme scheme;
        String agreement;
        String originatorOid;
        if (recipient.ecCurve() != null) {
            EcCurve curve = recipient.ecCurve();
            scheme = curve == EcCurve.P_256 ? KeyAgreementScheme.STD_SHA256_KDF : KeyAgreementScheme.STD_SHA384_KDF;
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve.jceName()), random);
            ephemeral = generator.generateKeyPair();
            agreement = "ECDH";
            originatorOid = Oids.EC_PUBLIC_KEY;
        } else {
            String name = ((NamedParameterSpec) ((XECPublicKey) recipientKey).getParams()).getName();
            boolean x25519 = name.equalsIgnoreCase("X25519");
            scheme = x25519 ? KeyAgreementScheme.HKDF_SHA256 : KeyAgreementScheme.HKDF_SHA512;
            KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
            generator.initialize(new NamedParameterSpec(name), random);
            ephemeral = generator.generateKeyPair();
            agreement = "XDH";
            originatorOid = x25519 ? Oids.X25519 : Oids.X448;
        }
        KeyWrap wrap = KeyWrap.forContentKey(contentKey.length);
        byte[] wrapAlgorithm = new DerWriter().addSequence(algorithm -> algorithm.addOid(wrap.oid())).toByteArray();
        byte[] z = KeyAgreementKeys.agree(agreement, ephemeral.getPrivate(), recipientKey);
        byte[] kek = null;
        byte[] wrapped;
        try {
            kek = scheme.derive(z, sharedInfo(wrapAlgorithm, null, wrap.keyBytes()), wrap.keyBytes());
            wrapped = wrap.wrap(kek, contentKey);
        } finally {
            Arrays.fill(z, (byte) 0);
            if (kek != null) {
                Arrays.fill(kek, (byte) 0);
            }
        }
        byte[] point = KeyAgreementKeys.publicKeyBits(ephemeral.getPublic());
        byte[] bitString = new byte[point.length + 1];
        System.arraycopy(point, 0, bitString, 1, point.length);
        byte[] rid = RecipientIds.keyAgreeId(recipient, idForm);
        return new Encoded(VERSION, new DerWriter().addConstructed(KARI, kari -> kari
                .addInteger(VERSION)
                .addConstructed(ORIGINATOR, originator -> originator
                        .addConstructed(ORIGINATOR_KEY, key -> key
                                .addSequence(algorithm -> algorithm.addOid(originatorOid))
                                .addPrimitive(Tag.BIT_STRING, bitString)))
                .addSequence(algorithm -> algorithm
                        .addOid(scheme.oid())
                        .addEncoded(wrapAlgorithm))
                .addSequence(recipientEncryptedKeys -> recipientEncryptedKeys
                        .addSequence(recipientEncryptedKey -> recipientEncryptedKey
                                .addEncoded(rid)
                                .addOctetString(wrapped)))).toByteArray());
    }

    /**
     * ECC-CMS-SharedInfo (RFC 5753 7.2): the key wrap AlgorithmIdentifier as the message has it,
     * the ukm when there is one, and the key-encryption key's length in bits.
     */
    static byte[] sharedInfo(byte[] wrapAlgorithm, byte[] ukm, int kekBytes) {
        int bits = kekBytes * 8;
        byte[] suppPubInfo = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
        return new DerWriter().addSequence(info -> {
            info.addEncoded(wrapAlgorithm);
            if (ukm != null) {
                info.addConstructed(ENTITY_U_INFO, explicit -> explicit.addOctetString(ukm));
            }
            info.addConstructed(SUPP_PUB_INFO, explicit -> explicit.addOctetString(suppPubInfo));
        }).toByteArray();
    }

    @Override
    public boolean reads(RecipientInfo info) {
        return info.kind() == RecipientInfo.Kind.KEY_AGREEMENT && info.agreement() != null;
    }

    @Override
    public String unsupportedReason(RecipientInfo info) {
        RecipientInfo.KeyAgreement agreement = info.agreement();
        if (KeyAgreementScheme.forOid(info.keyEncryptionOid()) == null) {
            return "key agreement " + Oids.name(info.keyEncryptionOid()) + " is not supported";
        }
        if (agreement.originatorKeyOid() == null) {
            return "an originator named by its certificate (static-static key agreement) is not supported";
        }
        if (KeyAgreementKeys.curveName(agreement.originatorKeyOid(), agreement.originatorPublicKey()) == null) {
            return "an originator key of type " + Oids.name(agreement.originatorKeyOid()) + " and "
                    + agreement.originatorPublicKey().length + " bytes is not supported"
                    + " (uncompressed P-256, P-384 or P-521 points, X25519 and X448 are)";
        }
        if (agreement.keyWrapOid() == null || KeyWrap.forOid(agreement.keyWrapOid()) == null) {
            return "key wrap " + (agreement.keyWrapOid() == null ? "(none named)" : Oids.name(agreement.keyWrapOid()))
                    + " is not supported (aes128-wrap, aes192-wrap, aes256-wrap are)";
        }
        return null;
    }

    @Override
    public Map<String, String> details(RecipientInfo info) {
        RecipientInfo.KeyAgreement agreement = info.agreement();
        Map<String, String> details = new LinkedHashMap<>();
        if (agreement.originatorKeyOid() != null) {
            String curve = KeyAgreementKeys.curveName(agreement.originatorKeyOid(), agreement.originatorPublicKey());
            details.put("curve", curve == null ? Oids.name(agreement.originatorKeyOid()) : curve);
        }
        KeyAgreementScheme scheme = KeyAgreementScheme.forOid(info.keyEncryptionOid());
        if (scheme != null) {
            details.put("kdf", scheme.kdfName());
        }
        if (agreement.keyWrapOid() != null) {
            details.put("key-wrap", Oids.name(agreement.keyWrapOid()));
        }
        return details;
    }

    @Override
    public byte[] unwrap(RecipientInfo info, PrivateKey key) throws GeneralSecurityException {
        RecipientInfo.KeyAgreement agreement = info.agreement();
        byte[] z = KeyAgreementKeys.sharedSecret(key, agreement.originatorKeyOid(), agreement.originatorPublicKey());
        if (z == null) {
            return null;
        }
        KeyWrap wrap = KeyWrap.forOid(agreement.keyWrapOid());
        byte[] kek = null;
        try {
            byte[] sharedInfo = sharedInfo(info.keyEncryptionParameters(), agreement.userKeyingMaterial(),
                    wrap.keyBytes());
            kek = KeyAgreementScheme.forOid(info.keyEncryptionOid()).derive(z, sharedInfo, wrap.keyBytes());
            return KeyWrap.unwrap(kek, info.encryptedKey());
        } finally {
            Arrays.fill(z, (byte) 0);
            if (kek != null) {
                Arrays.fill(kek, (byte) 0);
            }
        }
    }

    /** The OID of a key wrap AlgorithmIdentifier (its parameters, absent for AES, are ignored), or null. */
    static String wrapOid(byte[] wrapAlgorithm) {
        if (wrapAlgorithm == null) {
            return null;
        }
        try {
            return BerReader.of(wrapAlgorithm).readSequence().readOid();
        } catch (SmimeException e) {
            return null;
        }
    }
}
