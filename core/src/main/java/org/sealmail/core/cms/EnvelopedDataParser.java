package org.sealmail.core.cms;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;

/** Reads a ContentInfo holding EnvelopedData (RFC 5652 section 6), in DER or BER. */
public final class EnvelopedDataParser {

    private static final int EXPLICIT_CONTENT = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int ORIGINATOR_INFO = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int SKI_PRIMITIVE = Tag.context(0);
    private static final int ENCRYPTED_CONTENT = Tag.context(0);
    private static final int UNPROTECTED_ATTRIBUTES = Tag.context(1) | Tag.CONSTRUCTED_BIT;

    /** The default; see {@link Limits#DEFAULT_MAX_RECIPIENTS}. */
    static final int MAX_RECIPIENTS = Limits.DEFAULT.maxRecipients();

    private final Limits limits;
    private boolean ber;

    private EnvelopedDataParser(Limits limits) {
        this.limits = limits;
    }

    public static EnvelopedMessage parse(byte[] contentInfo) throws SmimeException {
        return parse(contentInfo, Limits.DEFAULT);
    }

    /** The same, within {@code limits} (nesting depth, number of recipients). */
    public static EnvelopedMessage parse(byte[] contentInfo, Limits limits) throws SmimeException {
        return new EnvelopedDataParser(limits).contentInfo(contentInfo);
    }

    /** The content type OID of a ContentInfo, whatever it holds (for {@code inspect}). */
    public static String contentType(byte[] contentInfo) throws SmimeException {
        return BerReader.of(contentInfo).read(Tag.SEQUENCE).children().readOid();
    }

    private EnvelopedMessage contentInfo(byte[] input) throws SmimeException {
        BerReader top = BerReader.of(input, limits);
        BerReader contentInfo = children(top.read(Tag.SEQUENCE));
        top.expectEnd("ContentInfo");
        String contentType = contentInfo.readOid();
        if (!contentType.equals(Oids.ENVELOPED_DATA)) {
            throw SmimeException.unsupported("the CMS object is " + Oids.name(contentType)
                    + ", not envelopedData; sealmail decrypts enveloped data only");
        }
        BerReader explicit = children(contentInfo.read(EXPLICIT_CONTENT));
        EnvelopedMessage message = envelopedData(children(explicit.read(Tag.SEQUENCE)));
        explicit.expectEnd("EnvelopedData");
        contentInfo.expectEnd("ContentInfo content");
        return message;
    }

    private EnvelopedMessage envelopedData(BerReader env) throws SmimeException {
        int versionOffset = env.offset();
        int version = env.readSmallInteger();
        if (version != 0 && version != 2) {
            throw SmimeException.unsupported("EnvelopedData version " + version + " (at byte " + versionOffset
                    + "); sealmail reads versions 0 and 2");
        }
        if (env.peekTag() == ORIGINATOR_INFO) {
            env.readAny();
        }
        List<RecipientInfo> recipients = new ArrayList<>();
        BerReader set = children(env.read(Tag.SET));
        while (!set.isEmpty()) {
            if (recipients.size() == limits.maxRecipients()) {
                // Each recipient may cost an RSA private-key operation per key: bound the work.
                throw SmimeException.unsupported("more than " + limits.maxRecipients()
                        + " recipients in one message " + Limits.Limit.RECIPIENTS.named());
            }
            recipients.add(recipientInfo(set));
        }
        if (recipients.isEmpty()) {
            throw SmimeException.badInput("the EnvelopedData has no recipient");
        }
        BerReader eci = children(env.read(Tag.SEQUENCE));
        String encryptedContentType = eci.readOid();
        BerReader algorithm = children(eci.read(Tag.SEQUENCE));
        String cipherOid = algorithm.readOid();
        byte[] iv = algorithm.peekTag() == Tag.OCTET_STRING ? algorithm.readOctetString() : new byte[0];
        if (!algorithm.isEmpty()) {
            // Parameters other than an IV (RC2's, say) belong to ciphers sealmail does not open.
            algorithm.readAny();
        }
        algorithm.expectEnd("content-encryption algorithm");
        int tag = eci.peekTag();
        if (tag != ENCRYPTED_CONTENT && tag != (ENCRYPTED_CONTENT | Tag.CONSTRUCTED_BIT)) {
            throw SmimeException.unsupported("the encrypted content is detached (not inside the CMS object)");
        }
        BerReader.Element content = eci.readAny();
        ber |= content.isConstructed();
        byte[] encryptedContent = content.octets(Tag.OCTET_STRING);
        eci.expectEnd("EncryptedContentInfo");
        if (env.peekTag() == UNPROTECTED_ATTRIBUTES) {
            env.readAny();
        }
        env.expectEnd("EnvelopedData");
        return new EnvelopedMessage(version, ber, List.copyOf(recipients), encryptedContentType,
                cipherOid, iv, encryptedContent);
    }

    private RecipientInfo recipientInfo(BerReader set) throws SmimeException {
        int tag = set.peekTag();
        BerReader.Element element = set.readAny();
        return switch (tag) {
            case Tag.SEQUENCE -> keyTransport(children(element));
            case 0xa1 -> RecipientInfo.other(RecipientInfo.Kind.KEY_AGREEMENT);
            case 0xa2 -> RecipientInfo.other(RecipientInfo.Kind.KEK);
            case 0xa3 -> RecipientInfo.other(RecipientInfo.Kind.PASSWORD);
            case 0xa4 -> RecipientInfo.other(RecipientInfo.Kind.OTHER);
            default -> throw SmimeException.badInput(String.format(
                    "unknown recipient info tag 0x%02x at byte %d", tag, element.headerOffset()));
        };
    }

    private RecipientInfo keyTransport(BerReader ktri) throws SmimeException {
        int version = ktri.readSmallInteger();
        RecipientId id;
        int idOffset = ktri.offset();
        if (ktri.peekTag() == Tag.SEQUENCE) {
            BerReader issuerAndSerial = children(ktri.read(Tag.SEQUENCE));
            byte[] issuer = issuerAndSerial.readEncoded();
            BigInteger serial = issuerAndSerial.readInteger();
            issuerAndSerial.expectEnd("IssuerAndSerialNumber");
            id = RecipientId.issuerAndSerial(issuer, serial, idOffset);
        } else if ((ktri.peekTag() & ~Tag.CONSTRUCTED_BIT) == SKI_PRIMITIVE) {
            BerReader.Element ski = ktri.readAny();
            ber |= ski.isConstructed();
            id = RecipientId.subjectKeyIdentifier(ski.octets(Tag.OCTET_STRING));
        } else {
            throw SmimeException.badInput("unknown recipient identifier at byte " + idOffset);
        }
        BerReader algorithm = children(ktri.read(Tag.SEQUENCE));
        String keyEncryptionOid = algorithm.readOid();
        if (!algorithm.isEmpty()) {
            algorithm.readAny(); // NULL for rsaEncryption; OAEP's parameters are not needed to name it
        }
        algorithm.expectEnd("key-encryption algorithm");
        int keyOffset = ktri.offset();
        BerReader.Element encryptedKey = ktri.readAny();
        if ((encryptedKey.tagByte() & ~Tag.CONSTRUCTED_BIT) != Tag.OCTET_STRING) {
            throw SmimeException.badInput("malformed ASN.1 at byte " + keyOffset + ": the encrypted key is not an OCTET STRING");
        }
        ber |= encryptedKey.isConstructed();
        ktri.expectEnd("KeyTransRecipientInfo");
        return new RecipientInfo(RecipientInfo.Kind.KEY_TRANSPORT, version, id, keyEncryptionOid,
                encryptedKey.octets(Tag.OCTET_STRING));
    }

    /** The reader inside a constructed element, noting whether BER's indefinite form was used. */
    private BerReader children(BerReader.Element element) throws SmimeException {
        ber |= element.isIndefinite();
        return element.children();
    }
}
