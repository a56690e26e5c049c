package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.testing.TestData;
import org.sealmail.core.x509.CertificateBundle;

/** Bouncy Castle reads what we write: an independent reference for the structure and the crypto. */
class EnvelopedDataWriterTest {

    static X509Certificate certificate(String name) throws Exception {
        try (InputStream in = Files.newInputStream(TestData.pki(name + ".pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static PrivateKey privateKey(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(TestData.pki(name + ".key"));
                PEMParser parser = new PEMParser(reader)) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }

    static byte[] encrypt(List<X509Certificate> recipients, ContentCipher cipher, byte[] content)
            throws SmimeException {
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        new EnvelopedDataWriter(bundle(recipients), cipher).encrypt(new ByteArrayInputStream(content), der);
        return der.toByteArray();
    }

    static CertificateBundle bundle(List<X509Certificate> recipients) throws SmimeException {
        return CertificateBundle.of(recipients);
    }

    static byte[] sampleContent(int length) {
        byte[] content = new byte[length];
        new Random(length).nextBytes(content);
        return content;
    }

    @ParameterizedTest
    @EnumSource(names = {"AES128_CBC", "AES256_CBC"})
    void writesEnvelopedDataVersion0WithTheChosenCipher(ContentCipher cipher) throws Exception {
        byte[] der = encrypt(List.of(certificate("rsa2048")), cipher, sampleContent(100));
        CMSEnvelopedData parsed = new CMSEnvelopedData(der);

        assertEquals(0, structure(parsed).getVersion().intValueExact());
        assertEquals(cipher.oid(), parsed.getEncryptionAlgOID());
        assertEquals(16, iv(parsed).length);
        assertEquals(Oids.DATA,
                structure(parsed).getEncryptedContentInfo().getContentType().getId());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 200_000, EnvelopedDataWriter.LOOKAHEAD_BYTES})
    void contentWithinTheLookAheadIsDerEvenWhenItTricklesIn(int length) throws Exception {
        byte[] content = sampleContent(length);
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        new EnvelopedDataWriter(bundle(List.of(certificate("rsa2048"))), ContentCipher.AES128_CBC)
                .encrypt(trickling(content), der);

        byte[] encoded = der.toByteArray();
        assertTrue((encoded[1] & 0xff) != 0x80, "definite length expected");
        assertArrayEquals(content, decrypt(encoded, "rsa2048"));
    }

    @Test
    void contentOneByteBeyondTheLookAheadIsBerWithIndefiniteLengths() throws Exception {
        byte[] content = sampleContent(EnvelopedDataWriter.LOOKAHEAD_BYTES + 1);
        ByteArrayOutputStream ber = new ByteArrayOutputStream();
        new EnvelopedDataWriter(bundle(List.of(certificate("rsa2048"))), ContentCipher.AES128_CBC)
                .encrypt(trickling(content), ber);

        byte[] encoded = ber.toByteArray();
        assertEquals(0x30, encoded[0] & 0xff);
        assertEquals(0x80, encoded[1] & 0xff);
        assertArrayEquals(content, decrypt(encoded, "rsa2048"));
    }

    /** A pipe that hands over at most 4,000 bytes a read, as a slow sender does. */
    private static InputStream trickling(byte[] content) {
        return new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 4_000));
            }
        };
    }

    private static byte[] decrypt(byte[] cms, String key) throws Exception {
        RecipientInformation recipient = new CMSEnvelopedData(cms).getRecipientInfos().getRecipients().iterator().next();
        return recipient.getContent(new JceKeyTransEnvelopedRecipient(privateKey(key)));
    }

    @Test
    void isDistinguishedEncoding() throws Exception {
        byte[] der = encrypt(List.of(certificate("rsa2048"), certificate("bundle1")),
                ContentCipher.AES128_CBC, sampleContent(5000));
        assertArrayEquals(der, ASN1Primitive.fromByteArray(der).getEncoded("DER"));
    }

    @Test
    void namesEachRecipientByIssuerAndSerialWithRsaEncryption() throws Exception {
        List<X509Certificate> bundle = List.of(
                certificate("bundle1"), certificate("bundle2"), certificate("bundle3"));
        CMSEnvelopedData parsed = new CMSEnvelopedData(encrypt(bundle, ContentCipher.DEFAULT, new byte[10]));

        Collection<RecipientInformation> infos = parsed.getRecipientInfos().getRecipients();
        assertEquals(3, infos.size());
        List<java.math.BigInteger> serials = new ArrayList<>();
        for (RecipientInformation info : infos) {
            KeyTransRecipientId id = (KeyTransRecipientId) info.getRID();
            serials.add(id.getSerialNumber());
            assertEquals(bundle.get(0).getIssuerX500Principal().getName(),
                    new javax.security.auth.x500.X500Principal(id.getIssuer().getEncoded()).getName());
            assertEquals(Oids.RSA_ENCRYPTION, info.getKeyEncryptionAlgOID());
            assertEquals(DERNull.INSTANCE, info.getKeyEncryptionAlgorithm().getParameters());
        }
        for (X509Certificate cert : bundle) {
            assertTrue(serials.contains(cert.getSerialNumber()), "no recipient info for " + cert.getSerialNumber());
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 15, 16, 17, 65535, 65536, 65537, 200_000})
    void eachBundleMemberAloneDecryptsToTheContent(int length) throws Exception {
        byte[] content = sampleContent(length);
        List<String> names = List.of("bundle1", "bundle2", "bundle3");
        List<X509Certificate> bundle = new ArrayList<>();
        for (String name : names) {
            bundle.add(certificate(name));
        }
        CMSEnvelopedData parsed = new CMSEnvelopedData(encrypt(bundle, ContentCipher.DEFAULT, content));
        for (String name : names) {
            X509Certificate cert = certificate(name);
            RecipientInformation info = parsed.getRecipientInfos().get(
                    new KeyTransRecipientId(new org.bouncycastle.asn1.x500.X500Name(
                            cert.getIssuerX500Principal().getName()), cert.getSerialNumber()));
            byte[] decrypted = info.getContent(new JceKeyTransEnvelopedRecipient(privateKey(name)));
            assertArrayEquals(content, decrypted, name);
        }
    }

    @Test
    void usesAFreshKeyAndIvForEveryMessage() throws Exception {
        List<X509Certificate> recipient = List.of(certificate("rsa2048"));
        byte[] content = sampleContent(64);
        CMSEnvelopedData first = new CMSEnvelopedData(encrypt(recipient, ContentCipher.DEFAULT, content));
        CMSEnvelopedData second = new CMSEnvelopedData(encrypt(recipient, ContentCipher.DEFAULT, content));

        assertFalse(Arrays.equals(iv(first), iv(second)));
        assertFalse(Arrays.equals(contentKey(first), contentKey(second)));
        assertEquals(32, contentKey(first).length);
    }

    private static EnvelopedData structure(CMSEnvelopedData data) {
        return EnvelopedData.getInstance(data.toASN1Structure().getContent());
    }

    private static byte[] iv(CMSEnvelopedData data) {
        return ASN1OctetString.getInstance(data.getContentEncryptionAlgorithm().getParameters()).getOctets();
    }

    /** The content key, unwrapped with the JDK's own RSA from the first recipient info. */
    private static byte[] contentKey(CMSEnvelopedData data) throws Exception {
        KeyTransRecipientInfo info = KeyTransRecipientInfo.getInstance(
                structure(data).getRecipientInfos().getObjectAt(0));
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, privateKey("rsa2048"));
        return rsa.doFinal(info.getEncryptedKey().getOctets());
    }

    @Test
    void reportsAReadFailureAsAnIoError() throws Exception {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        EnvelopedDataWriter writer = new EnvelopedDataWriter(bundle(List.of(certificate("rsa2048"))), ContentCipher.DEFAULT);
        SmimeException e = assertThrows(SmimeException.class, () -> writer.encrypt(failing, new ByteArrayOutputStream()));
        assertEquals(SmimeException.Reason.IO, e.reason());
        assertEquals("cannot read the message: disk gone", e.getMessage());
    }

    @Test
    void namesTheKnownCiphers() throws Exception {
        assertEquals(ContentCipher.AES128_CBC, ContentCipher.byName("AES128-CBC"));
        SmimeException e = assertThrows(SmimeException.class, () -> ContentCipher.byName("des"));
        assertEquals("unknown cipher \"des\"; choose one of aes128-cbc, aes256-cbc, aes128-gcm, aes256-gcm,"
                + " chacha20-poly1305", e.getMessage());
    }
}
