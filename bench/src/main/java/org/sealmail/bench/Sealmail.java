package org.sealmail.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataDecryptor;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.keys.DecryptionKey;
import org.sealmail.core.keys.KeyFiles;
import org.sealmail.core.mime.MessageDecryptor;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.x509.CertificateBundle;

/**
 * The one place the benchmarks touch sealmail, through its public API only. When the encrypt or
 * decrypt API changes (streaming), this class changes and no benchmark does.
 */
public final class Sealmail {

    private final CertificateBundle recipients;
    private final ContentCipher cipher;
    private final List<DecryptionKey> keys;

    /**
     * @param certificates PEM certificates to encrypt to
     * @param cipherName   "aes128-cbc" or "aes256-cbc"
     * @param key          a private key file (PEM or PKCS#12) without password, or null to only encrypt
     */
    public Sealmail(byte[] certificates, String cipherName, byte[] key) throws SmimeException {
        this.recipients = CertificateBundle.parse(certificates);
        this.cipher = ContentCipher.byName(cipherName);
        this.keys = key == null ? List.of() : KeyFiles.read(key, new char[0]);
    }

    /**
     * Encrypts an RFC 5322 message into an S/MIME message the way {@code sealmail encrypt --in FILE}
     * does: the message's length is known, so a first pass measures the entity and the second
     * writes DER with definite lengths, both passes timed.
     */
    public void encrypt(byte[] message, OutputStream out) throws SmimeException {
        EnvelopedDataWriter writer = new EnvelopedDataWriter(recipients, cipher);
        MessageEncryptor encryptor = new MessageEncryptor();
        long entityLength = encryptor.entityLength(new ByteArrayInputStream(message));
        encryptor.encrypt(new ByteArrayInputStream(message), out, writer, entityLength);
    }

    /** Decrypts an S/MIME message back into the message it was, streaming, as {@code sealmail decrypt} does. */
    public void decrypt(InputStream message, OutputStream out) throws SmimeException {
        EnvelopedDataDecryptor decryptor = new EnvelopedDataDecryptor(keys);
        MessageDecryptor.decrypt(message, out, decryptor::decrypt);
    }
}
