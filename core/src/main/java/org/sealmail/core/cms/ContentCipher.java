package org.sealmail.core.cms;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;

/**
 * The content ciphers sealmail encrypts with, by the names users type. The CBC ciphers make
 * EnvelopedData; the authenticated ones (AES-GCM, ChaCha20-Poly1305) make AuthEnvelopedData
 * (RFC 5083), whose tag detects any change to the stored message.
 */
public enum ContentCipher {
    AES128_CBC("aes128-cbc", Oids.AES128_CBC, 16, null),
    AES256_CBC("aes256-cbc", Oids.AES256_CBC, 32, null),
    AES128_GCM("aes128-gcm", Oids.AES128_GCM, 16, AeadAlgorithm.GCM),
    AES256_GCM("aes256-gcm", Oids.AES256_GCM, 32, AeadAlgorithm.GCM),
    CHACHA20_POLY1305("chacha20-poly1305", Oids.CHACHA20_POLY1305, 32, AeadAlgorithm.CHACHA20_POLY1305);

    /** What sealmail uses when nobody says otherwise. */
    public static final ContentCipher DEFAULT = AES256_CBC;

    static final int BLOCK_SIZE = 16;

    private final String cliName;
    private final String oid;
    private final int keyBytes;
    private final AeadAlgorithm aead;

    ContentCipher(String cliName, String oid, int keyBytes, AeadAlgorithm aead) {
        this.cliName = cliName;
        this.oid = oid;
        this.keyBytes = keyBytes;
        this.aead = aead;
    }

    /** The cipher called {@code name} ("aes128-cbc", "aes256-gcm", ...; case does not matter). */
    public static ContentCipher byName(String name) throws SmimeException {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ContentCipher cipher : values()) {
            if (cipher.cliName.equals(wanted)) {
                return cipher;
            }
        }
        throw SmimeException.unsupported("unknown cipher \"" + name + "\"; choose one of " + names());
    }

    /** "aes128-cbc, aes256-cbc, aes128-gcm, aes256-gcm, chacha20-poly1305". */
    public static String names() {
        return Arrays.stream(values()).map(ContentCipher::cliName).collect(Collectors.joining(", "));
    }

    public String cliName() {
        return cliName;
    }

    public String oid() {
        return oid;
    }

    public int keyBytes() {
        return keyBytes;
    }

    /** Whether this cipher writes AuthEnvelopedData (with a tag) rather than EnvelopedData. */
    public boolean authenticated() {
        return aead != null;
    }

    /** Bytes of the authentication tag after the content; 0 for CBC. */
    public int tagBytes() {
        return aead == null ? 0 : AeadAlgorithm.TAG_BYTES;
    }

    /** Bytes of the fresh IV (CBC) or nonce (AEAD) each message gets. */
    int ivBytes() {
        return aead == null ? BLOCK_SIZE : AeadAlgorithm.NONCE_BYTES;
    }

    /** The cipher ready to encrypt: CBC with the PKCS#7 padding RFC 5652 6.3 asks for, or the AEAD with no AAD. */
    Cipher encryptor(byte[] key, byte[] iv) throws GeneralSecurityException {
        if (aead != null) {
            return aead.sealing(key, iv, AeadAlgorithm.TAG_BYTES);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher;
    }

    /** Adds the content-encryption AlgorithmIdentifier's parameters: the IV as OCTET STRING (RFC 3565), or the AEAD's. */
    void addParameters(DerWriter algorithm, byte[] iv) {
        if (aead != null) {
            aead.addParameters(algorithm, iv);
        } else {
            algorithm.addOctetString(iv);
        }
    }

    /** Size of the ciphertext for {@code plaintextLength} bytes: CBC padding adds 1..16 bytes, the AEADs none. */
    long ciphertextLength(long plaintextLength) {
        return aead != null ? plaintextLength : (plaintextLength / BLOCK_SIZE + 1) * BLOCK_SIZE;
    }
}
