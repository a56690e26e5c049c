package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealmail.core.cms.EnvelopedDataWriterTest.certificate;
import static org.sealmail.core.cms.EnvelopedDataWriterTest.encrypt;
import static org.sealmail.core.cms.EnvelopedDataWriterTest.privateKey;
import static org.sealmail.core.cms.EnvelopedDataWriterTest.sampleContent;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.keys.DecryptionKey;

class EnvelopedDataDecryptorTest {

    private static DecryptionKey key(String name) throws Exception {
        return new DecryptionKey(privateKey(name), certificate(name));
    }

    private static DecryptionKey bareKey(String name) throws Exception {
        return new DecryptionKey(privateKey(name), null);
    }

    private static byte[] open(byte[] der, DecryptionKey... keys) throws SmimeException {
        return new EnvelopedDataDecryptor(List.of(keys)).decrypt(EnvelopedDataParser.parse(der));
    }

    static Stream<Arguments> ciphersAndKeySizes() {
        List<Arguments> all = new ArrayList<>();
        for (ContentCipher cipher : ContentCipher.values()) {
            for (String key : List.of("rsa2048", "rsa3072", "rsa4096")) {
                all.add(Arguments.of(cipher, key));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("ciphersAndKeySizes")
    void opensWhatSealmailWrites(ContentCipher cipher, String keyName) throws Exception {
        byte[] content = sampleContent(1000);
        byte[] der = encrypt(List.of(certificate(keyName)), cipher, content);
        assertArrayEquals(content, open(der, key(keyName)));
        EnvelopedMessage parsed = EnvelopedDataParser.parse(der);
        assertEquals(0, parsed.version());
        assertFalse(parsed.ber());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleMembers")
    void eachMemberOfAThreeCertificateBundleOpensAlone(String member) throws Exception {
        byte[] content = sampleContent(70_000);
        byte[] der = encrypt(List.of(certificate("bundle1"), certificate("bundle2"), certificate("bundle3")),
                ContentCipher.AES128_CBC, content);
        assertArrayEquals(content, open(der, key(member)));
        assertArrayEquals(content, open(der, bareKey(member)));
    }

    static Stream<String> bundleMembers() {
        return Stream.of("bundle1", "bundle2", "bundle3");
    }

    @Test
    void triesEveryKeyGivenUntilOneMatches() throws Exception {
        byte[] content = sampleContent(10);
        byte[] der = encrypt(List.of(certificate("bundle2")), ContentCipher.DEFAULT, content);
        assertArrayEquals(content, open(der, key("rsa2048"), bareKey("bundle1"), key("bundle2")));
    }

    @Test
    void aKeyWhoseCertificateWasRenewedStillOpensOldMail() throws Exception {
        // Same key, other certificate: the recipient info names a certificate the user no longer has.
        byte[] content = sampleContent(10);
        byte[] der = encrypt(List.of(certificate("bundle3")), ContentCipher.DEFAULT, content);
        assertArrayEquals(content, open(der, new DecryptionKey(privateKey("bundle3"), certificate("rsa2048"))));
    }

    @Test
    void withoutAMatchingKeyNamesTheRecipients() throws Exception {
        byte[] der = encrypt(List.of(certificate("bundle1"), certificate("bundle2")), ContentCipher.DEFAULT, new byte[5]);
        SmimeException e = assertThrows(SmimeException.class, () -> open(der, key("rsa2048")));
        assertEquals(SmimeException.Reason.NO_MATCHING_KEY, e.reason());
        String issuer = certificate("bundle1").getIssuerX500Principal().getName();
        assertTrue(e.getMessage().startsWith("none of the keys given opens this message; it is encrypted to: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("issuer \"" + issuer + "\" serial "
                + certificate("bundle1").getSerialNumber().toString(16)), e.getMessage());
        assertTrue(e.getMessage().contains("serial " + certificate("bundle2").getSerialNumber().toString(16)));
    }

    // --- messages written by Bouncy Castle, an independent encrypter ---

    private static byte[] bouncyCastle(ASN1ObjectIdentifier cipher, JceKeyTransRecipientInfoGenerator recipient,
            byte[] content) throws Exception {
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(recipient);
        return generator.generate(new CMSProcessableByteArray(content),
                new JceCMSContentEncryptorBuilder(cipher).build()).getEncoded();
    }

    @Test
    void opensAes192AndTripleDesFromOtherWriters() throws Exception {
        X509Certificate cert = certificate("rsa2048");
        byte[] content = sampleContent(333);
        for (ASN1ObjectIdentifier cipher : List.of(CMSAlgorithm.AES192_CBC, CMSAlgorithm.DES_EDE3_CBC,
                CMSAlgorithm.AES128_CBC, CMSAlgorithm.AES256_CBC)) {
            byte[] der = bouncyCastle(cipher, new JceKeyTransRecipientInfoGenerator(cert), content);
            assertArrayEquals(content, open(der, key("rsa2048")), cipher.getId());
        }
    }

    @Test
    void matchesARecipientNamedBySubjectKeyIdentifier() throws Exception {
        X509Certificate cert = certificate("rsa2048");
        byte[] ski = org.bouncycastle.asn1.ASN1OctetString.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.14")).getOctets())
                .getOctets();
        byte[] content = sampleContent(40);
        byte[] der = bouncyCastle(CMSAlgorithm.AES256_CBC,
                new JceKeyTransRecipientInfoGenerator(ski, cert.getPublicKey()), content);
        EnvelopedMessage parsed = EnvelopedDataParser.parse(der);
        assertEquals(2, parsed.version());
        assertTrue(parsed.recipients().get(0).id().matches(cert));
        assertArrayEquals(content, open(der, key("rsa2048")));
    }

    @Test
    void readsBerWithIndefiniteLengthsAndChunks() throws Exception {
        byte[] content = sampleContent(10_000);
        CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
        generator.setBufferSize(1000);
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(certificate("rsa3072")));
        ByteArrayOutputStream ber = new ByteArrayOutputStream();
        try (OutputStream plain = generator.open(ber,
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_CBC).build())) {
            plain.write(content);
        }
        EnvelopedMessage parsed = EnvelopedDataParser.parse(ber.toByteArray());
        assertTrue(parsed.ber());
        assertArrayEquals(content, open(ber.toByteArray(), key("rsa3072")));
    }

    // --- no padding oracle ---

    /**
     * Without integrity protection, a wrong key passes the CBC padding check one time in 256; a
     * seeded generator makes the message, and so each case's outcome, the same on every run.
     */
    private static byte[] repeatableMessage(X509Certificate cert, byte[] content) throws Exception {
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(20261204L);
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        new EnvelopedDataWriter(EnvelopedDataWriterTest.bundle(List.of(cert)), ContentCipher.DEFAULT,
                RecipientOptions.DEFAULT, seeded)
                .encrypt(new java.io.ByteArrayInputStream(content), der);
        return der.toByteArray();
    }

    @Test
    void badRsaPaddingWrongKeyAndBadContentPaddingFailAlike() throws Exception {
        X509Certificate cert = certificate("rsa2048");
        byte[] content = sampleContent(100);
        EnvelopedMessage good = EnvelopedDataParser.parse(repeatableMessage(cert, content));
        RecipientInfo recipient = good.recipients().get(0);

        byte[] garbledKey = recipient.encryptedKey().clone();
        garbledKey[garbledKey.length / 2] ^= 0x40;
        EnvelopedMessage badRsaPadding = withEncryptedKey(good, garbledKey);

        byte[] otherContentKey = new byte[32];
        javax.crypto.Cipher rsa = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(javax.crypto.Cipher.ENCRYPT_MODE, cert.getPublicKey());
        EnvelopedMessage wrongContentKey = withEncryptedKey(good, rsa.doFinal(otherContentKey));

        byte[] garbledContent = good.encryptedContent().clone();
        garbledContent[garbledContent.length - 1] ^= 0x01;
        EnvelopedMessage badContentPadding = new EnvelopedMessage(good.version(), good.ber(), good.recipients(),
                good.encryptedContentType(), good.contentCipherOid(), good.iv(), garbledContent);

        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(List.of(key("rsa2048")));
        for (EnvelopedMessage bad : List.of(badRsaPadding, wrongContentKey, badContentPadding)) {
            SmimeException e = assertThrows(SmimeException.class, () -> decryptor.decrypt(bad));
            assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
            assertEquals(EnvelopedDataDecryptor.CANNOT_DECRYPT, e.getMessage());
        }
    }

    static EnvelopedMessage withEncryptedKey(EnvelopedMessage message, byte[] encryptedKey) {
        RecipientInfo r = message.recipients().get(0);
        RecipientInfo replaced = new RecipientInfo(r.kind(), r.version(), r.id(), r.keyEncryptionOid(), encryptedKey);
        return new EnvelopedMessage(message.version(), message.ber(), List.of(replaced),
                message.encryptedContentType(), message.contentCipherOid(), message.iv(), message.encryptedContent());
    }

    @Test
    void refusesAnUnsupportedContentCipher() throws Exception {
        EnvelopedMessage good = EnvelopedDataParser.parse(
                encrypt(List.of(certificate("rsa2048")), ContentCipher.DEFAULT, new byte[3]));
        EnvelopedMessage rc2 = new EnvelopedMessage(0, false, good.recipients(), good.encryptedContentType(),
                "1.2.840.113549.3.2", good.iv(), good.encryptedContent());
        SmimeException e = assertThrows(SmimeException.class,
                () -> new EnvelopedDataDecryptor(List.of(key("rsa2048"))).decrypt(rc2));
        assertEquals(SmimeException.Reason.UNSUPPORTED, e.reason());
    }
}
