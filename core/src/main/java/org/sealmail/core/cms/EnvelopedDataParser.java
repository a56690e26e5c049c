package org.sealmail.core.cms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.BerStreamReader;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;

/**
 * Reads a ContentInfo holding EnvelopedData (RFC 5652 section 6) or AuthEnvelopedData (RFC 5083),
 * in DER or BER, from a stream:
 * the parts before the encrypted content are read whole (each within {@link Limits.Limit#CMS_PART_BYTES}) and
 * parsed; the encrypted content is handed on as a stream ({@link EnvelopedDataStream}).
 */
public final class EnvelopedDataParser {

    private static final int EXPLICIT_CONTENT = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int ORIGINATOR_INFO = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int ENCRYPTED_CONTENT = Tag.context(0);
    private static final int UNPROTECTED_ATTRIBUTES = Tag.context(1) | Tag.CONSTRUCTED_BIT;
    private static final int AUTH_ATTRIBUTES = Tag.context(1) | Tag.CONSTRUCTED_BIT;
    private static final int UNAUTH_ATTRIBUTES = Tag.context(2) | Tag.CONSTRUCTED_BIT;

    /** The default; see {@link Limits.Limit#RECIPIENTS}. */
    static final int MAX_RECIPIENTS = Limits.DEFAULT.maxRecipients();

    private final Limits limits;
    private boolean ber;

    private EnvelopedDataParser(Limits limits) {
        this.limits = limits;
    }

    /** The whole message in memory, for small messages and tests. */
    public static EnvelopedMessage parse(byte[] contentInfo) throws SmimeException {
        return parse(contentInfo, Limits.DEFAULT);
    }

    /** The same, within {@code limits} (nesting depth, number of recipients, size of the parts before the content). */
    public static EnvelopedMessage parse(byte[] contentInfo, Limits limits) throws SmimeException {
        EnvelopedDataStream stream = open(new ByteArrayInputStream(contentInfo), limits);
        byte[] encryptedContent;
        try {
            encryptedContent = stream.encryptedContent().readAllBytes();
        } catch (IOException e) {
            throw Failures.ioError("cannot read the input", e);
        }
        stream.finish();
        EnvelopedHeader h = stream.header();
        EnvelopedHeader header = new EnvelopedHeader(h.contentType(), h.version(), stream.ber(), h.recipients(),
                h.encryptedContentType(), h.contentCipherOid(), h.iv(), h.tagLength());
        return new EnvelopedMessage(header, encryptedContent, stream.mac());
    }

    /** Reads up to the encrypted content of the ContentInfo that {@code cms} holds (DER or BER). */
    public static EnvelopedDataStream open(InputStream cms) throws SmimeException {
        return open(cms, Limits.DEFAULT);
    }

    public static EnvelopedDataStream open(InputStream cms, Limits limits) throws SmimeException {
        return new EnvelopedDataParser(limits).contentInfo(new BerStreamReader(cms, limits));
    }

    /** The content type OID of a ContentInfo, whatever it holds (for {@code inspect}). */
    public static String contentType(byte[] contentInfo) throws SmimeException {
        return BerReader.of(contentInfo).read(Tag.SEQUENCE).children().readOid();
    }

    /**
     * The content type OID of the ContentInfo {@code cms} starts with; the stream is left after
     * the OID, for {@link #open} only when the caller marked it. For {@code inspect}.
     */
    public static String contentType(InputStream cms) throws SmimeException {
        BerStreamReader reader = new BerStreamReader(cms);
        reader.enter(reader.readHeader(Tag.SEQUENCE));
        return new EnvelopedDataParser(Limits.DEFAULT).part(reader, "content type").readOid();
    }

    private EnvelopedDataStream contentInfo(BerStreamReader in) throws SmimeException {
        enter(in, Tag.SEQUENCE);
        String contentType = part(in, "content type").readOid();
        if (!contentType.equals(Oids.ENVELOPED_DATA) && !contentType.equals(Oids.AUTH_ENVELOPED_DATA)) {
            throw SmimeException.unsupported("the CMS object is " + Oids.name(contentType)
                    + ", not envelopedData or authEnvelopedData; sealmail decrypts enveloped data only");
        }
        enter(in, EXPLICIT_CONTENT);
        enter(in, Tag.SEQUENCE);
        return envelopedData(in, contentType.equals(Oids.AUTH_ENVELOPED_DATA));
    }

    private EnvelopedDataStream envelopedData(BerStreamReader env, boolean authenticated) throws SmimeException {
        int versionOffset = offset(env);
        int version = part(env, "version").readSmallInteger();
        if (authenticated && version != 0) {
            throw SmimeException.unsupported("AuthEnvelopedData version " + version + " (at byte " + versionOffset
                    + "); RFC 5083 has version 0 only");
        }
        if (!authenticated && version != 0 && version != 2) {
            throw SmimeException.unsupported("EnvelopedData version " + version + " (at byte " + versionOffset
                    + "); sealmail reads versions 0 and 2");
        }
        if (env.peekTag() == ORIGINATOR_INFO) {
            env.skipElement();
        }
        List<RecipientInfo> recipients = new ArrayList<>();
        BerReader set = children(part(env, "recipient infos").read(Tag.SET));
        RecipientInfoReader recipientReader = new RecipientInfoReader();
        while (!set.isEmpty()) {
            recipients.addAll(recipientReader.read(set));
            if (recipients.size() > limits.maxRecipients()) {
                // Each recipient may cost a private-key operation per key: bound the work.
                throw SmimeException.unsupported("more than " + limits.maxRecipients()
                        + " recipients in one message " + Limits.Limit.RECIPIENTS.named());
            }
        }
        ber |= recipientReader.usedBer();
        if (recipients.isEmpty()) {
            throw SmimeException.badInput("the EnvelopedData has no recipient");
        }
        enter(env, Tag.SEQUENCE);
        String encryptedContentType = part(env, "content type").readOid();
        BerReader algorithm = children(part(env, "content-encryption algorithm").read(Tag.SEQUENCE));
        String cipherOid = algorithm.readOid();
        byte[] iv = new byte[0];
        int tagLength = 0;
        if (AeadContentDecryption.isGcm(cipherOid) && algorithm.peekTag() == Tag.SEQUENCE) {
            BerReader gcm = children(algorithm.read(Tag.SEQUENCE));
            iv = gcm.readOctetString();
            // RFC 5084 3.2: aes-ICVlen INTEGER DEFAULT 12.
            tagLength = gcm.isEmpty() ? AeadContentDecryption.MIN_GCM_TAG_BYTES : gcm.readSmallInteger();
            gcm.expectEnd("GCMParameters");
        } else if (algorithm.peekTag() == Tag.OCTET_STRING) {
            iv = algorithm.readOctetString();
            if (cipherOid.equals(Oids.CHACHA20_POLY1305)) {
                tagLength = AeadAlgorithm.TAG_BYTES;
            }
        }
        if (!algorithm.isEmpty()) {
            // Parameters other than an IV (RC2's, say) belong to ciphers sealmail does not open.
            algorithm.readAny();
        }
        algorithm.expectEnd("content-encryption algorithm");
        boolean aead = AeadContentDecryption.forOid(cipherOid) != null;
        if (authenticated ? ContentDecryption.knows(cipherOid) : aead) {
            // GCM in EnvelopedData has no tag; CBC in AuthEnvelopedData no integrity (RFC 5083 2.1, RFC 5084 1).
            throw SmimeException.unsupported((authenticated ? "AuthEnvelopedData" : "EnvelopedData") + " with "
                    + Oids.name(cipherOid) + ": " + (authenticated ? "CBC is no authenticated cipher"
                    : "an authenticated cipher belongs in AuthEnvelopedData"));
        }
        int tag = env.peekTag();
        if (tag != ENCRYPTED_CONTENT && tag != (ENCRYPTED_CONTENT | Tag.CONSTRUCTED_BIT)) {
            throw SmimeException.unsupported("the encrypted content is detached (not inside the CMS object)");
        }
        BerStreamReader.Header content = env.readHeader();
        ber |= content.isConstructed();
        EnvelopedHeader header = new EnvelopedHeader(authenticated ? Oids.AUTH_ENVELOPED_DATA : Oids.ENVELOPED_DATA,
                version, ber, List.copyOf(recipients), encryptedContentType, cipherOid, iv, tagLength);
        return new EnvelopedDataStream(header, env, env.octets(content, Tag.OCTET_STRING),
                authenticated ? this::authTrailer : EnvelopedDataParser::trailer);
    }

    /** After the encrypted content: the optional unprotected attributes and the ends of four elements. */
    private static EnvelopedDataStream.End trailer(BerStreamReader in) throws SmimeException {
        in.exit("EncryptedContentInfo");
        if (in.peekTag() == UNPROTECTED_ATTRIBUTES) {
            in.skipElement();
        }
        in.exit("EnvelopedData");
        in.exit("EnvelopedData");
        in.exit("ContentInfo content");
        in.expectEnd("ContentInfo");
        return new EnvelopedDataStream.End(false, new byte[0]);
    }

    /**
     * After the encrypted content of AuthEnvelopedData: authenticated attributes (refused: they
     * would be the AAD, but they follow the content, which has streamed past by then), the mac,
     * the optional unauthenticated attributes and the ends of four elements.
     */
    private EnvelopedDataStream.End authTrailer(BerStreamReader in) throws SmimeException {
        in.exit("EncryptedContentInfo");
        if (in.peekTag() == AUTH_ATTRIBUTES) {
            throw SmimeException.unsupported("the AuthEnvelopedData has authenticated attributes (at byte "
                    + in.offset() + "), which sealmail does not open");
        }
        BerReader macReader = part(in, "mac");
        boolean chunked = (macReader.peekTag() & Tag.CONSTRUCTED_BIT) != 0;
        byte[] mac = macReader.readOctetString();
        if (in.peekTag() == UNAUTH_ATTRIBUTES) {
            in.skipElement();
        }
        in.exit("AuthEnvelopedData");
        in.exit("AuthEnvelopedData");
        in.exit("ContentInfo content");
        in.expectEnd("ContentInfo");
        return new EnvelopedDataStream.End(chunked, mac);
    }

    private void enter(BerStreamReader in, int tagByte) throws SmimeException {
        BerStreamReader.Header header = in.readHeader(tagByte);
        ber |= header.isIndefinite();
        in.enter(header);
    }

    /** The next element, read whole, as a reader whose offsets count from the start of the stream. */
    private BerReader part(BerStreamReader in, String what) throws SmimeException {
        int at = offset(in);
        return BerReader.of(in.readElement(limits.maxCmsPartBytes(), what), at, limits);
    }

    private static int offset(BerStreamReader in) throws SmimeException {
        long at = in.offset();
        if (at > Integer.MAX_VALUE) {
            throw SmimeException.badInput("malformed ASN.1 at byte " + at + ": the EnvelopedData header is too large");
        }
        return (int) at;
    }

    /** The reader inside a constructed element, noting whether BER's indefinite form was used. */
    private BerReader children(BerReader.Element element) throws SmimeException {
        ber |= element.isIndefinite();
        return element.children();
    }
}
