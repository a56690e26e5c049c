package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.junit.jupiter.api.Test;

/** The same input encrypted twice shares no content key, IV or ciphertext. */
class FreshKeyAndIvTest {

    @Test
    void twoEncryptionsOfTheSameInputDiffer() throws GeneralSecurityException {
        byte[] payload = Payload.allByteValues();

        EnvelopedData first = BouncyCastleReferenceTest.envelopedData(
                SealmailCli.encryptDer(payload, SealmailCli.AES256, TestKey.RSA2048.certificate()));
        EnvelopedData second = BouncyCastleReferenceTest.envelopedData(
                SealmailCli.encryptDer(payload, SealmailCli.AES256, TestKey.RSA2048.certificate()));

        assertFalse(Arrays.equals(iv(first), iv(second)), "same IV twice");
        assertFalse(Arrays.equals(contentKey(first), contentKey(second)), "same content key twice");
        assertFalse(Arrays.equals(ciphertext(first), ciphertext(second)), "same ciphertext twice");
    }

    private static byte[] iv(EnvelopedData enveloped) {
        return ASN1OctetString.getInstance(enveloped.getEncryptedContentInfo()
                .getContentEncryptionAlgorithm().getParameters()).getOctets();
    }

    /** RSA PKCS#1 v1.5 is randomized, so the content key itself is compared, not its encryption. */
    private static byte[] contentKey(EnvelopedData enveloped) throws GeneralSecurityException {
        RecipientInfo info = RecipientInfo.getInstance(enveloped.getRecipientInfos().getObjectAt(0));
        byte[] encryptedKey = KeyTransRecipientInfo.getInstance(info.getInfo()).getEncryptedKey().getOctets();
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, PemFiles.privateKey(TestKey.RSA2048.privateKey()));
        return rsa.doFinal(encryptedKey);
    }

    private static byte[] ciphertext(EnvelopedData enveloped) {
        return enveloped.getEncryptedContentInfo().getEncryptedContent().getOctets();
    }
}
