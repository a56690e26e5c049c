package org.sealmail.core.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

/** PKCS#12 files the tests build: by Bouncy Castle and the JDK, or by patching OpenSSL's. */
final class TestPkcs12 {

    private TestPkcs12() {
    }

    static PrivateKeyInfo keyInfo(String name) throws Exception {
        String pem = new String(Reference.file(name + ".key"), StandardCharsets.US_ASCII);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (PrivateKeyInfo) parser.readObject();
        }
    }

    static X509Certificate certificate(String name) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Reference.certificateDer(name)));
    }

    /**
     * Keys shrouded with PKCS#12 3DES, certificates encrypted with PKCS#12 RC2-128, MAC
     * HMAC-SHA256, as Bouncy Castle writes them. The first key and certificate are linked by a
     * localKeyId; the others only by their public keys. An empty password becomes zero bytes.
     */
    static byte[] bouncyCastle(char[] password, String... names) throws Exception {
        OutputEncryptor keyEncryptor = new BcPKCS12PBEOutputEncryptorBuilder(
                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, CBCBlockCipher.newInstance(new DESedeEngine())).build(password);
        OutputEncryptor certEncryptor = new BcPKCS12PBEOutputEncryptorBuilder(
                PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC, CBCBlockCipher.newInstance(new RC2Engine())).build(password);
        PKCS12SafeBag[] certBags = new PKCS12SafeBag[names.length];
        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        for (int i = 0; i < names.length; i++) {
            PKCS12SafeBagBuilder certBag = new JcaPKCS12SafeBagBuilder(certificate(names[i]));
            PKCS12SafeBagBuilder keyBag = new PKCS12SafeBagBuilder(keyInfo(names[i]), keyEncryptor);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(names[i]));
            if (i == 0) {
                DEROctetString localKeyId = new DEROctetString(new byte[] {1, 2, 3, 4});
                certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
            }
            certBags[i] = certBag.build();
            pfx.addData(keyBag.build());
        }
        pfx.addEncryptedData(certEncryptor, certBags);
        BcPKCS12MacCalculatorBuilder mac = new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE));
        return pfx.build(mac, password).getEncoded(ASN1Encoding.DER);
    }

    /**
     * The rsa2048 key with two certificates for it: first a self-signed one without attributes,
     * then rsa2048.pem, linked to the key by a localKeyId. Nothing encrypted, MAC HMAC-SHA256.
     */
    static byte[] twoCertificatesForOneKey(char[] password) throws Exception {
        PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(keyInfo("rsa2048"));
        X509Certificate issued = certificate("rsa2048");
        X500Name name = new X500Name("CN=Self-signed twin");
        X509Certificate selfSigned = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, issued.getNotBefore(), issued.getNotAfter(),
                        name, issued.getPublicKey()).build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        DEROctetString localKeyId = new DEROctetString(new byte[] {9, 9});
        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        pfx.addData(new JcaPKCS12SafeBagBuilder(selfSigned).build());
        pfx.addData(new JcaPKCS12SafeBagBuilder(issued)
                .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId).build());
        pfx.addData(new PKCS12SafeBagBuilder(keyInfo("rsa2048"))
                .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId).build());
        BcPKCS12MacCalculatorBuilder mac = new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE));
        return pfx.build(mac, password).getEncoded(ASN1Encoding.DER);
    }

    /** A PKCS#12 file written by the JDK's keystore (PBES2 with AES-256, HMAC-SHA256 in JDK 17). */
    static byte[] jdkKeyStore(char[] password, String... names) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (String name : names) {
            PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(keyInfo(name));
            store.setKeyEntry(name, key, password, new Certificate[] {certificate(name), certificate("ca")});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    /** The same file without its MAC. */
    static byte[] withoutMac(byte[] p12) throws Exception {
        Pfx pfx = Pfx.getInstance(p12);
        return new Pfx(pfx.getAuthSafe(), null).getEncoded(ASN1Encoding.DER);
    }

    /** The same file with its MAC claiming another iteration count. */
    static byte[] withMacIterations(byte[] p12, int iterations) throws Exception {
        Pfx pfx = Pfx.getInstance(p12);
        MacData mac = pfx.getMacData();
        return new Pfx(pfx.getAuthSafe(), new MacData(mac.getMac(), mac.getSalt(), iterations)).getEncoded(ASN1Encoding.DER);
    }
}
