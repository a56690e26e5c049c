package org.sealmail.core.cms;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;

/** The content ciphers sealmail encrypts with, by the names users type. */
public enum ContentCipher {
    AES128_CBC("aes128-cbc", Oids.AES128_CBC, 16),
    AES256_CBC("aes256-cbc", Oids.AES256_CBC, 32);

    /** What sealmail uses when nobody says otherwise. */
    public static final ContentCipher DEFAULT = AES256_CBC;

    static final int BLOCK_SIZE = 16;

    private final String cliName;
    private final String oid;
    private final int keyBytes;

    ContentCipher(String cliName, String oid, int keyBytes) {
        this.cliName = cliName;
        this.oid = oid;
        this.keyBytes = keyBytes;
    }

    /** The cipher called {@code name} ("aes128-cbc", "aes256-cbc"; case does not matter). */
    public static ContentCipher byName(String name) throws SmimeException {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ContentCipher cipher : values()) {
            if (cipher.cliName.equals(wanted)) {
                return cipher;
            }
        }
        throw SmimeException.unsupported("unknown cipher \"" + name + "\"; choose one of " + names());
    }

    /** "aes128-cbc, aes256-cbc". */
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

    /** The JCE transformation: CBC with the PKCS#7 padding RFC 5652 6.3 asks for. */
    String transformation() {
        return "AES/CBC/PKCS5Padding";
    }

    /** Size of the ciphertext for {@code plaintextLength} bytes: padding always adds 1..16 bytes. */
    static long ciphertextLength(long plaintextLength) {
        return (plaintextLength / BLOCK_SIZE + 1) * BLOCK_SIZE;
    }
}
