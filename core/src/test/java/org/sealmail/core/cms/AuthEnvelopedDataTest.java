package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.cms.EnvelopedDataParserTest.indexOf;
import static org.sealmail.core.cms.EnvelopedDataWriterTest.certificate;
import static org.sealmail.core.cms.EnvelopedDataWriterTest.privateKey;
import static org.sealmail.core.cms.EnvelopedDataWriterTest.sampleContent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.SequenceInputStream;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.x509.CertificateBundle;

/** AuthEnvelopedData (RFC 5083) with AES-GCM and ChaCha20-Poly1305, Bouncy Castle 1.87 the peer both ways. */
class AuthEnvelopedDataTest {

    private static final String BC = "BC";

    @BeforeAll
    static void addBouncyCastle() {
        if (Security.getProvider(BC) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private static byte[] encrypt(String recipient, ContentCipher cipher, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EnvelopedDataWriter(CertificateBundle.of(List.of(certificate(recipient))), cipher)
                .encrypt(new ByteArrayInputStream(content), out);
        return out.toByteArray();
    }

    private static DecryptionKey key(String name) throws Exception {
        return new DecryptionKey(privateKey(name), certificate(name));
    }

    private static byte[] openStreaming(byte[] cms, String keyName) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new EnvelopedDataDecryptor(List.of(key(keyName))).decrypt(new ByteArrayInputStream(cms), plain);
        return plain.toByteArray();
    }

    private static byte[] openInMemory(byte[] cms, String keyName) throws Exception {
        return new EnvelopedDataDecryptor(List.of(key(keyName))).decrypt(EnvelopedDataParser.parse(cms));
    }

    static Stream<Arguments> authenticatedCiphersAndRecipients() {
        List<Arguments> all = new ArrayList<>();
        for (ContentCipher cipher : ContentCipher.values()) {
            if (cipher.authenticated()) {
                for (String recipient : List.of("rsa2048", "ec-p256", "ec-p384")) {
                    all.add(Arguments.of(cipher, recipient));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("authenticatedCiphersAndRecipients")
    void bouncyCastleOpensWhatSealmailWrites(ContentCipher cipher, String recipient) throws Exception {
        byte[] content = sampleContent(70_000);
        byte[] der = encrypt(recipient, cipher, content);

        CMSAuthEnvelopedData parsed = new CMSAuthEnvelopedData(der);
        RecipientInformation info = parsed.getRecipientInfos().getRecipients().iterator().next();
        byte[] opened = info.getContent(recipient.startsWith("rsa")
                ? new JceKeyTransAuthEnvelopedRecipient(privateKey(recipient)).setProvider(BC)
                : new JceKeyAgreeAuthEnvelopedRecipient(privateKey(recipient)).setProvider(BC));
        assertArrayEquals(content, opened);
        assertArrayEquals(der, ASN1Primitive.fromByteArray(der).getEncoded("DER"), "DER");
    }

    @ParameterizedTest
    @EnumSource(names = {"AES128_GCM", "AES256_GCM", "CHACHA20_POLY1305"})
    void writesVersion0WithExplicitParametersA16ByteTagAndRsaOaep(ContentCipher cipher) throws Exception {
        byte[] der = encrypt("rsa2048", cipher, sampleContent(100));
        ContentInfo contentInfo = ContentInfo.getInstance(der);
        assertEquals(Oids.AUTH_ENVELOPED_DATA, contentInfo.getContentType().getId());
        AuthEnvelopedData auth = AuthEnvelopedData.getInstance(contentInfo.getContent());

        assertEquals(0, auth.getVersion().intValueExact());
        assertEquals(null, auth.getAuthAttrs());
        assertEquals(16, auth.getMac().getOctets().length);
        assertEquals(cipher.oid(), auth.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm().getId());
        var parameters = auth.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm().getParameters();
        if (cipher == ContentCipher.CHACHA20_POLY1305) {
            assertEquals(12, ASN1OctetString.getInstance(parameters).getOctets().length);
        } else {
            ASN1Sequence gcm = ASN1Sequence.getInstance(parameters);
            assertEquals(2, gcm.size(), "aes-ICVlen written although 12 is its default");
            assertEquals(12, ASN1OctetString.getInstance(gcm.getObjectAt(0)).getOctets().length);
            assertEquals(16, ASN1Integer.getInstance(gcm.getObjectAt(1)).intValueExact());
        }
        assertEquals(100, auth.getAuthEncryptedContentInfo().getEncryptedContent().getOctets().length);
        RecipientInfo recipient = RecipientInfo.getInstance(auth.getRecipientInfos().getObjectAt(0));
        assertEquals(PKCSObjectIdentifiers.id_RSAES_OAEP,
                KeyTransRecipientInfo.getInstance(recipient.getInfo()).getKeyEncryptionAlgorithm().getAlgorithm(),
                "RSA-OAEP is the key transport for authenticated ciphers");
    }

    static Stream<Arguments> bouncyCastleCiphersAndRecipients() {
        List<Arguments> all = new ArrayList<>();
        for (var cipher : List.of(CMSAlgorithm.ChaCha20Poly1305, CMSAlgorithm.AES128_GCM, CMSAlgorithm.AES192_GCM,
                CMSAlgorithm.AES256_GCM)) {
            for (String recipient : List.of("rsa2048", "ec-p256")) {
                all.add(Arguments.of(cipher, recipient));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("bouncyCastleCiphersAndRecipients")
    void sealmailOpensWhatBouncyCastleWrites(org.bouncycastle.asn1.ASN1ObjectIdentifier cipher, String recipient)
            throws Exception {
        byte[] content = sampleContent(100_003);
        byte[] cms = bouncyCastleEncrypt(cipher, recipient, content);
        assertArrayEquals(content, openStreaming(cms, recipient));
        assertArrayEquals(content, openInMemory(cms, recipient));
    }

    private static byte[] bouncyCastleEncrypt(org.bouncycastle.asn1.ASN1ObjectIdentifier cipher, String recipient,
            byte[] content) throws Exception {
        X509Certificate certificate = certificate(recipient);
        CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
        if (recipient.startsWith("rsa")) {
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(certificate).setProvider(BC));
        } else {
            var sender = java.security.KeyPairGenerator.getInstance("EC", BC);
            sender.initialize(new java.security.spec.ECGenParameterSpec("P-256"));
            var pair = sender.generateKeyPair();
            generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                    pair.getPrivate(), pair.getPublic(), CMSAlgorithm.AES256_WRAP).addRecipient(certificate)
                    .setProvider(BC));
        }
        OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(cipher)
                .setProvider(BC).build();
        return generator.generate(new CMSProcessableByteArray(content), encryptor).getEncoded();
    }

    @ParameterizedTest
    @EnumSource(names = {"AES128_GCM", "AES256_GCM", "CHACHA20_POLY1305"})
    void roundTripsDerAndStreamedBerOfEverySize(ContentCipher cipher) throws Exception {
        for (int size : new int[] {0, 1, 15, 16, 17, 65_536, 65_537, EnvelopedDataWriter.LOOKAHEAD_BYTES + 20_000}) {
            byte[] content = sampleContent(size);
            byte[] cms = encrypt("rsa2048", cipher, content);
            assertArrayEquals(content, openStreaming(cms, "rsa2048"), cipher + " " + size);
            ByteArrayOutputStream sized = new ByteArrayOutputStream();
            new EnvelopedDataWriter(CertificateBundle.of(List.of(certificate("rsa2048"))), cipher)
                    .encrypt(new ByteArrayInputStream(content), size, sized);
            assertArrayEquals(content, openStreaming(sized.toByteArray(), "rsa2048"), cipher + " sized " + size);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"AES128_GCM", "CHACHA20_POLY1305"})
    void aFlippedBitInTheCiphertextOrTagIsRefused(ContentCipher cipher) throws Exception {
        byte[] content = sampleContent(40);
        byte[] cms = encrypt("rsa2048", cipher, content);
        EnvelopedMessage good = EnvelopedDataParser.parse(cms);
        int contentEnd = indexOf(cms, good.encryptedContent()) + good.encryptedContent().length;
        int macStart = cms.length - 16;
        assertArrayEquals(good.mac(), java.util.Arrays.copyOfRange(cms, macStart, cms.length));
        int refused = 0;
        for (int at = contentEnd - content.length; at < cms.length; at++) {
            if (at >= contentEnd && at < macStart) {
                continue; // the mac's own tag and length
            }
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = cms.clone();
                damaged[at] ^= (byte) (1 << bit);
                SmimeException e = assertThrows(SmimeException.class, () -> openStreaming(damaged, "rsa2048"));
                assertEquals(EnvelopedDataDecryptor.CANNOT_DECRYPT, e.getMessage());
                assertThrows(SmimeException.class, () -> openInMemory(damaged, "rsa2048"));
                refused++;
            }
        }
        assertEquals((content.length + 16) * 8, refused);
    }

    @Test
    void aWrongKeyThatUnwrapsIsRefusedByTheTagNotDecryptedToGarbage() throws Exception {
        byte[] cms = encrypt("rsa2048", ContentCipher.AES256_GCM, sampleContent(1000));
        EnvelopedMessage good = EnvelopedDataParser.parse(cms);
        javax.crypto.Cipher oaep = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        oaep.init(javax.crypto.Cipher.ENCRYPT_MODE, certificate("rsa2048").getPublicKey(),
                new javax.crypto.spec.OAEPParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, javax.crypto.spec.PSource.PSpecified.DEFAULT));
        org.sealmail.core.cms.RecipientInfo r = good.recipients().get(0);
        org.sealmail.core.cms.RecipientInfo otherKey = new org.sealmail.core.cms.RecipientInfo(r.kind(), r.version(),
                r.id(), r.keyEncryptionOid(), r.keyEncryptionParameters(), oaep.doFinal(new byte[32]), null);
        EnvelopedMessage wrongKey = new EnvelopedMessage(new EnvelopedHeader(good.header().contentType(),
                good.version(), false, List.of(otherKey), good.encryptedContentType(), good.contentCipherOid(),
                good.iv(), good.header().tagLength()), good.encryptedContent(), good.mac());
        SmimeException e = assertThrows(SmimeException.class,
                () -> new EnvelopedDataDecryptor(List.of(key("rsa2048"))).decrypt(wrongKey));
        assertEquals(EnvelopedDataDecryptor.CANNOT_DECRYPT, e.getMessage());
    }

    @Test
    void theHeaderSaysAuthenticatedBeforeAnyContentIsWritten() throws Exception {
        byte[] cms = encrypt("rsa2048", ContentCipher.CHACHA20_POLY1305, sampleContent(10));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        List<EnvelopedHeader> seen = new ArrayList<>();
        new EnvelopedDataDecryptor(List.of(key("rsa2048"))).decrypt(new ByteArrayInputStream(cms), plain, header -> {
            assertEquals(0, plain.size());
            seen.add(header);
        });
        assertTrue(seen.get(0).authenticated());
        assertEquals(16, seen.get(0).tagLength());
        assertEquals(Oids.CHACHA20_POLY1305, seen.get(0).contentCipherOid());
    }

    @Test
    void authenticatedAttributesAreRefusedNamingThem() throws Exception {
        byte[] cms = bouncyCastleWithAuthAttributes();
        SmimeException e = assertThrows(SmimeException.class, () -> openStreaming(cms, "rsa2048"));
        assertEquals(SmimeException.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().startsWith("the AuthEnvelopedData has authenticated attributes (at byte "),
                e.getMessage());
    }

    private static byte[] bouncyCastleWithAuthAttributes() throws Exception {
        CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(
                new JceKeyTransRecipientInfoGenerator(certificate("rsa2048")).setProvider(BC));
        generator.setAuthenticatedAttributeGenerator(parameters -> new org.bouncycastle.asn1.cms.AttributeTable(
                new org.bouncycastle.asn1.cms.Attribute(PKCSObjectIdentifiers.pkcs_9_at_contentType,
                        new org.bouncycastle.asn1.DERSet(PKCSObjectIdentifiers.data))));
        OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                CMSAlgorithm.AES128_GCM).setProvider(BC).build();
        return generator.generate(new CMSProcessableByteArray(new byte[5]), encryptor).getEncoded();
    }

    @Test
    void anAuthenticatedCipherInsideEnvelopedDataIsRefused() throws Exception {
        byte[] cbc = encrypt("rsa2048", ContentCipher.AES128_CBC, sampleContent(10));
        byte[] gcmOid = org.sealmail.core.asn1.ObjectIdentifiers.encode(Oids.AES128_GCM);
        byte[] cbcOid = org.sealmail.core.asn1.ObjectIdentifiers.encode(Oids.AES128_CBC);
        int at = indexOf(cbc, cbcOid);
        System.arraycopy(gcmOid, 0, cbc, at, gcmOid.length);
        SmimeException e = assertThrows(SmimeException.class, () -> openStreaming(cbc, "rsa2048"));
        assertEquals("EnvelopedData with aes128-gcm: an authenticated cipher belongs in AuthEnvelopedData",
                e.getMessage());
    }

    @Test
    void aStreamThatEndsBeforeTheTagIsRefused() throws Exception {
        byte[] cms = encrypt("rsa2048", ContentCipher.AES256_GCM, sampleContent(100));
        byte[] cut = java.util.Arrays.copyOf(cms, cms.length - 18);
        assertThrows(SmimeException.class, () -> openStreaming(cut, "rsa2048"));
        byte[] twice = new SequenceInputStream(new ByteArrayInputStream(cms), new ByteArrayInputStream(new byte[1]))
                .readAllBytes();
        assertThrows(SmimeException.class, () -> openStreaming(twice, "rsa2048"));
    }
}
