package org.sealmail.core.cms;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Tag;

/** Reads the RecipientInfo choices of RFC 5652 6.2, in DER or BER. */
final class RecipientInfoReader {

    private static final int SKI_PRIMITIVE = Tag.context(0);
    private static final int ORIGINATOR = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int ORIGINATOR_KEY = Tag.context(1) | Tag.CONSTRUCTED_BIT;
    private static final int UKM = Tag.context(1) | Tag.CONSTRUCTED_BIT;
    private static final int RECIPIENT_KEY_ID = Tag.context(0) | Tag.CONSTRUCTED_BIT;

    private boolean ber;

    /** Whether anything read so far used BER's indefinite lengths or chunked strings. */
    boolean usedBer() {
        return ber;
    }

    /** The recipient infos of the next element of {@code set}. */
    List<RecipientInfo> read(BerReader set) throws SmimeException {
        int tag = set.peekTag();
        BerReader.Element element = set.readAny();
        return switch (tag) {
            case Tag.SEQUENCE -> List.of(keyTransport(children(element)));
            case 0xa1 -> keyAgreement(children(element));
            case 0xa2 -> List.of(RecipientInfo.other(RecipientInfo.Kind.KEK));
            case 0xa3 -> List.of(RecipientInfo.other(RecipientInfo.Kind.PASSWORD));
            case 0xa4 -> List.of(RecipientInfo.other(RecipientInfo.Kind.OTHER));
            default -> throw SmimeException.badInput(String.format(
                    "unknown recipient info tag 0x%02x at byte %d", tag, element.headerOffset()));
        };
    }

    private RecipientInfo keyTransport(BerReader ktri) throws SmimeException {
        int version = ktri.readSmallInteger();
        RecipientId id;
        int idOffset = ktri.offset();
        if (ktri.peekTag() == Tag.SEQUENCE) {
            id = issuerAndSerial(children(ktri.read(Tag.SEQUENCE)), idOffset);
        } else if ((ktri.peekTag() & ~Tag.CONSTRUCTED_BIT) == SKI_PRIMITIVE) {
            BerReader.Element ski = ktri.readAny();
            ber |= ski.isConstructed();
            id = RecipientId.subjectKeyIdentifier(ski.octets(Tag.OCTET_STRING));
        } else {
            throw SmimeException.badInput("unknown recipient identifier at byte " + idOffset);
        }
        BerReader algorithm = children(ktri.read(Tag.SEQUENCE));
        String keyEncryptionOid = algorithm.readOid();
        byte[] parameters = algorithm.isEmpty() ? null : algorithm.readEncoded();
        algorithm.expectEnd("key-encryption algorithm");
        byte[] encryptedKey = octetString(ktri, "the encrypted key");
        ktri.expectEnd("KeyTransRecipientInfo");
        return new RecipientInfo(RecipientInfo.Kind.KEY_TRANSPORT, version, id, keyEncryptionOid, parameters,
                encryptedKey, null);
    }

    /**
     * KeyAgreeRecipientInfo (RFC 5652 6.2.2): one RecipientInfo per RecipientEncryptedKey, each
     * with what the originator sent.
     */
    private List<RecipientInfo> keyAgreement(BerReader kari) throws SmimeException {
        int version = kari.readSmallInteger();
        BerReader originator = children(kari.read(ORIGINATOR));
        String originatorKeyOid = null;
        byte[] originatorKey = null;
        if (originator.peekTag() == ORIGINATOR_KEY) {
            BerReader key = children(originator.read(ORIGINATOR_KEY));
            BerReader algorithm = children(key.read(Tag.SEQUENCE));
            originatorKeyOid = algorithm.readOid();
            if (!algorithm.isEmpty()) {
                algorithm.readAny(); // absent, NULL or the curve: the point's length names the curve
            }
            algorithm.expectEnd("originator key algorithm");
            int offset = key.offset();
            byte[] bitString = key.read(Tag.BIT_STRING).primitiveContent();
            if (bitString.length == 0 || bitString[0] != 0) {
                throw SmimeException.badInput("malformed originator public key at byte " + offset);
            }
            originatorKey = Arrays.copyOfRange(bitString, 1, bitString.length);
            key.expectEnd("OriginatorPublicKey");
        } else {
            originator.readAny(); // a certificate's issuer and serial or SKI: static-static, not supported
        }
        originator.expectEnd("originator");
        byte[] ukm = null;
        BerReader explicitUkm = kari.peekTag() == UKM ? children(kari.read(UKM)) : null;
        if (explicitUkm != null) {
            ukm = octetString(explicitUkm, "the user keying material");
            explicitUkm.expectEnd("user keying material");
        }
        BerReader algorithm = children(kari.read(Tag.SEQUENCE));
        String schemeOid = algorithm.readOid();
        byte[] wrapAlgorithm = algorithm.isEmpty() ? null : algorithm.readEncoded();
        algorithm.expectEnd("key-encryption algorithm");
        RecipientInfo.KeyAgreement agreement = new RecipientInfo.KeyAgreement(originatorKeyOid, originatorKey, ukm,
                KeyAgreeRecipient.wrapOid(wrapAlgorithm));
        BerReader encryptedKeys = children(kari.read(Tag.SEQUENCE));
        kari.expectEnd("KeyAgreeRecipientInfo");
        List<RecipientInfo> recipients = new ArrayList<>();
        while (!encryptedKeys.isEmpty()) {
            BerReader encryptedKey = children(encryptedKeys.read(Tag.SEQUENCE));
            int idOffset = encryptedKey.offset();
            RecipientId id;
            if (encryptedKey.peekTag() == Tag.SEQUENCE) {
                id = issuerAndSerial(children(encryptedKey.read(Tag.SEQUENCE)), idOffset);
            } else if (encryptedKey.peekTag() == RECIPIENT_KEY_ID) {
                BerReader keyId = children(encryptedKey.read(RECIPIENT_KEY_ID));
                id = RecipientId.subjectKeyIdentifier(octetString(keyId, "the subject key identifier"));
                while (!keyId.isEmpty()) {
                    keyId.readAny(); // date and other key attribute: not needed to find the key
                }
            } else {
                throw SmimeException.badInput("unknown key agreement recipient identifier at byte " + idOffset);
            }
            byte[] wrapped = octetString(encryptedKey, "the encrypted key");
            encryptedKey.expectEnd("RecipientEncryptedKey");
            recipients.add(new RecipientInfo(RecipientInfo.Kind.KEY_AGREEMENT, version, id, schemeOid, wrapAlgorithm,
                    wrapped, agreement));
        }
        if (recipients.isEmpty()) {
            throw SmimeException.badInput("a key agreement recipient info has no recipient encrypted key");
        }
        return recipients;
    }

    private RecipientId issuerAndSerial(BerReader issuerAndSerial, int offset) throws SmimeException {
        byte[] issuer = issuerAndSerial.readEncoded();
        BigInteger serial = issuerAndSerial.readInteger();
        issuerAndSerial.expectEnd("IssuerAndSerialNumber");
        return RecipientId.issuerAndSerial(issuer, serial, offset);
    }

    /** An OCTET STRING, primitive or (BER) chunked. */
    private byte[] octetString(BerReader reader, String what) throws SmimeException {
        int offset = reader.offset();
        BerReader.Element element = reader.readAny();
        if ((element.tagByte() & ~Tag.CONSTRUCTED_BIT) != Tag.OCTET_STRING) {
            throw SmimeException.badInput("malformed ASN.1 at byte " + offset + ": " + what + " is not an OCTET STRING");
        }
        ber |= element.isConstructed();
        return element.octets(Tag.OCTET_STRING);
    }

    /** The reader inside a constructed element, noting whether BER's indefinite form was used. */
    private BerReader children(BerReader.Element element) throws SmimeException {
        ber |= element.isIndefinite();
        return element.children();
    }
}
