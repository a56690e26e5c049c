package org.sealmail.core.cms;

import java.math.BigInteger;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Tag;

/** Reads the RecipientInfo choices of RFC 5652 6.2, in DER or BER. */
final class RecipientInfoReader {

    private static final int SKI_PRIMITIVE = Tag.context(0);

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
            case 0xa1 -> List.of(RecipientInfo.other(RecipientInfo.Kind.KEY_AGREEMENT));
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
