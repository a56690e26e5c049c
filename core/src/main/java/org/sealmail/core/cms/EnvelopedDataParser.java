package org.sealmail.core.cms;

import java.util.ArrayList;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;

/** Reads a ContentInfo holding EnvelopedData (RFC 5652 section 6), in DER or BER. */
public final class EnvelopedDataParser {

    private static final int EXPLICIT_CONTENT = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int ORIGINATOR_INFO = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int ENCRYPTED_CONTENT = Tag.context(0);
    private static final int UNPROTECTED_ATTRIBUTES = Tag.context(1) | Tag.CONSTRUCTED_BIT;

    /** More than any real message has; each recipient may cost an RSA operation per key. */
    static final int MAX_RECIPIENTS = 256;

    private boolean ber;

    private EnvelopedDataParser() {
    }

    public static EnvelopedMessage parse(byte[] contentInfo) throws SmimeException {
        return new EnvelopedDataParser().contentInfo(contentInfo);
    }

    /** The content type OID of a ContentInfo, whatever it holds (for {@code inspect}). */
    public static String contentType(byte[] contentInfo) throws SmimeException {
        return BerReader.of(contentInfo).read(Tag.SEQUENCE).children().readOid();
    }

    private EnvelopedMessage contentInfo(byte[] input) throws SmimeException {
        BerReader top = BerReader.of(input);
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
        RecipientInfoReader recipientReader = new RecipientInfoReader();
        while (!set.isEmpty()) {
            recipients.addAll(recipientReader.read(set));
            if (recipients.size() > MAX_RECIPIENTS) {
                // Each recipient may cost a private-key operation per key: bound the work.
                throw SmimeException.unsupported("more than " + MAX_RECIPIENTS + " recipients in one message");
            }
        }
        ber |= recipientReader.usedBer();
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

    /** The reader inside a constructed element, noting whether BER's indefinite form was used. */
    private BerReader children(BerReader.Element element) throws SmimeException {
        ber |= element.isIndefinite();
        return element.children();
    }
}
