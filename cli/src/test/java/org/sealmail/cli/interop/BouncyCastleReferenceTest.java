package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bouncy Castle as an independent reader of sealmail's DER output: the exact structure the
 * design promises (EnvelopedData v0, KeyTrans v0 by IssuerAndSerialNumber, rsaEncryption with
 * NULL, AES-CBC with a 16-byte IV, id-data), strict DER, and a decryption with each key.
 */
class BouncyCastleReferenceTest {

    static final ASN1ObjectIdentifier ID_DATA = new ASN1ObjectIdentifier("1.2.840.113549.1.7.1");
    static final ASN1ObjectIdentifier ID_ENVELOPED_DATA = new ASN1ObjectIdentifier("1.2.840.113549.1.7.3");
    static final ASN1ObjectIdentifier RSA_ENCRYPTION = new ASN1ObjectIdentifier("1.2.840.113549.1.1.1");
    static final ASN1ObjectIdentifier AES128_CBC = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.1.2");
    static final ASN1ObjectIdentifier AES256_CBC = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.1.42");

    static Stream<Arguments> keyAndCipher() {
        return DerInteropTest.RSA_KEYS.stream().flatMap(key -> Stream.of(
                Arguments.of(key, SealmailCli.AES128, AES128_CBC),
                Arguments.of(key, SealmailCli.AES256, AES256_CBC)));
    }

    @ParameterizedTest(name = "{1} for {0}: structure, DER and decryption")
    @MethodSource("keyAndCipher")
    void singleRecipient(TestKey key, String cipher, ASN1ObjectIdentifier cipherOid) throws Exception {
        byte[] payload = Payload.allByteValues();

        byte[] der = SealmailCli.encryptDer(payload, cipher, key.certificate());

        assertStrictDer(der);
        EnvelopedData enveloped = envelopedData(der);
        assertContentEncryption(enveloped.getEncryptedContentInfo(), cipherOid);
        assertRecipients(enveloped, List.of(PemFiles.certificate(key.certificate())));
        assertArrayEquals(payload, decrypt(der, key));
    }

    @Test
    void withoutCipherOptionTheCipherIsAes256Cbc() throws Exception {
        byte[] der = SealmailCli.encrypt(Payload.allByteValues(),
                List.of("--der", "--cert", TestKey.RSA2048.certificate().toString()));

        assertContentEncryption(envelopedData(der).getEncryptedContentInfo(), AES256_CBC);
    }

    @Test
    void bundleOfThreeHasOneRecipientPerCertificateEachOfWhichDecrypts() throws Exception {
        byte[] payload = Payload.allByteValues();

        byte[] der = SealmailCli.encryptDer(payload, SealmailCli.AES128, BundleInteropTest.BUNDLE);

        assertStrictDer(der);
        assertRecipients(envelopedData(der), PemFiles.certificates(BundleInteropTest.BUNDLE));
        for (TestKey member : BundleInteropTest.MEMBERS) {
            assertArrayEquals(payload, decrypt(der, member), member.name());
        }
    }

    /** Re-encoding with BC's DER rules (minimal lengths, sorted SETs) gives the same bytes. */
    static void assertStrictDer(byte[] encoding) throws IOException {
        ASN1Primitive parsed = ASN1Primitive.fromByteArray(encoding);
        assertArrayEquals(encoding, parsed.getEncoded(ASN1Encoding.DER), "not DER");
    }

    static EnvelopedData envelopedData(byte[] der) {
        ContentInfo contentInfo = ContentInfo.getInstance(der);
        assertEquals(ID_ENVELOPED_DATA, contentInfo.getContentType());
        EnvelopedData enveloped = EnvelopedData.getInstance(contentInfo.getContent());
        assertEquals(BigInteger.ZERO, enveloped.getVersion().getValue(), "EnvelopedData version");
        assertNull(enveloped.getOriginatorInfo(), "originatorInfo");
        assertNull(enveloped.getUnprotectedAttrs(), "unprotectedAttrs");
        return enveloped;
    }

    static ASN1OctetString assertContentEncryption(EncryptedContentInfo content, ASN1ObjectIdentifier cipher) {
        assertEquals(ID_DATA, content.getContentType(), "encrypted content type");
        AlgorithmIdentifier algorithm = content.getContentEncryptionAlgorithm();
        assertEquals(cipher, algorithm.getAlgorithm(), "content-encryption algorithm");
        ASN1OctetString iv = assertInstanceOf(ASN1OctetString.class, algorithm.getParameters(),
                "IV parameter");
        assertEquals(16, iv.getOctets().length, "IV length");
        return iv;
    }

    /** Exactly one KeyTransRecipientInfo v0 per certificate, found by issuer and serial. */
    static void assertRecipients(EnvelopedData enveloped, List<X509CertificateHolder> certificates)
            throws IOException {
        List<IssuerAndSerialNumber> expected = new ArrayList<>();
        for (X509CertificateHolder certificate : certificates) {
            expected.add(new IssuerAndSerialNumber(certificate.toASN1Structure()));
        }
        List<IssuerAndSerialNumber> actual = new ArrayList<>();
        for (ASN1Encodable element : enveloped.getRecipientInfos()) {
            ASN1Encodable info = RecipientInfo.getInstance(element).getInfo();
            KeyTransRecipientInfo keyTrans = assertInstanceOf(KeyTransRecipientInfo.class, info,
                    "recipient info kind");
            assertEquals(BigInteger.ZERO, keyTrans.getVersion().getValue(), "KeyTransRecipientInfo version");
            assertEquals(RSA_ENCRYPTION, keyTrans.getKeyEncryptionAlgorithm().getAlgorithm());
            assertEquals(DERNull.INSTANCE, keyTrans.getKeyEncryptionAlgorithm().getParameters(),
                    "rsaEncryption parameters must be an explicit NULL");
            assertFalse(keyTrans.getRecipientIdentifier().isTagged(),
                    "recipient identified by subjectKeyIdentifier, not IssuerAndSerialNumber");
            actual.add(IssuerAndSerialNumber.getInstance(keyTrans.getRecipientIdentifier().getId()));
        }
        assertEquals(expected.size(), actual.size(), "number of recipient infos");
        for (IssuerAndSerialNumber id : expected) {
            long matches = actual.stream().filter(candidate -> sameEncoding(candidate, id)).count();
            assertEquals(1, matches, "recipient infos for " + id.getName() + " #" + id.getSerialNumber());
        }
    }

    static byte[] decrypt(byte[] der, TestKey key) throws CMSException {
        CMSEnvelopedData enveloped = new CMSEnvelopedData(der);
        X509CertificateHolder certificate = PemFiles.certificate(key.certificate());
        RecipientInformation recipient = enveloped.getRecipientInfos()
                .get(new KeyTransRecipientId(certificate.getIssuer(), certificate.getSerialNumber()));
        if (recipient == null) {
            throw new AssertionError("no recipient info for " + key);
        }
        return recipient.getContent(new JceKeyTransEnvelopedRecipient(PemFiles.privateKey(key.privateKey())));
    }

    private static boolean sameEncoding(ASN1Encodable a, ASN1Encodable b) {
        try {
            return Arrays.equals(a.toASN1Primitive().getEncoded(ASN1Encoding.DER),
                    b.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
