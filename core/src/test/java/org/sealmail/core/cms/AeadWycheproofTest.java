package org.sealmail.core.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.testing.WycheproofVectors;
import org.sealmail.core.testing.WycheproofVectors.Case;

/**
 * Project Wycheproof AES-GCM and ChaCha20-Poly1305 vectors through sealmail's content-cipher
 * classes: the streaming decryption (keystream plus recomputed tag), fed whole and one byte at a
 * time, and the encryption that splits the tag off. Vectors with a nonce other than 12 bytes are
 * refused, as RFC 5084 and RFC 8103 have none.
 */
class AeadWycheproofTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    private static AeadContentDecryption cipherFor(String file, int keyBytes) {
        if (file.startsWith("chacha")) {
            return AeadContentDecryption.CHACHA20_POLY1305;
        }
        return switch (keyBytes) {
            case 16 -> AeadContentDecryption.AES128_GCM;
            case 24 -> AeadContentDecryption.AES192_GCM;
            default -> AeadContentDecryption.AES256_GCM;
        };
    }

    private static AeadAlgorithm algorithmFor(String file) {
        return file.startsWith("chacha") ? AeadAlgorithm.CHACHA20_POLY1305 : AeadAlgorithm.GCM;
    }

    @ParameterizedTest
    @CsvSource({"aes_gcm_test.json", "chacha20_poly1305_test.json"})
    void validVectorsDecryptAndInvalidOnesAreRefusedStreamingAndWhole(String file) throws Exception {
        int valid = 0;
        int invalid = 0;
        int otherNonces = 0;
        for (Case c : WycheproofVectors.load(file)) {
            byte[] key = hex(c.text("key"));
            byte[] nonce = hex(c.text("iv"));
            byte[] tag = hex(c.text("tag"));
            AeadContentDecryption cipher = cipherFor(file, key.length);
            if (nonce.length != AeadAlgorithm.NONCE_BYTES) {
                assertThrows(SmimeException.class, () -> cipher.checkParameters(nonce, tag.length), c.name());
                otherNonces++;
                continue;
            }
            cipher.checkParameters(nonce, tag.length);
            byte[] aad = hex(c.text("aad"));
            byte[] ct = hex(c.text("ct"));
            byte[] whole = cipher.decrypt(key, nonce, aad, ct, tag);
            ByteArrayOutputStream trickled = new ByteArrayOutputStream();
            boolean opened = cipher.decrypt(key, nonce, tag.length, aad, oneByteAtATime(ct), trickled, () -> tag);
            if (c.valid()) {
                assertArrayEquals(hex(c.text("msg")), whole, c.name());
                assertTrue(opened, c.name());
                assertArrayEquals(whole, trickled.toByteArray(), c.name());
                valid++;
            } else {
                assertNull(whole, c.name());
                assertEquals(false, opened, c.name());
                invalid++;
            }
        }
        assertTrue(valid > 0 && invalid > 0 && otherNonces > 0, "vectors of every kind were run");
    }

    @ParameterizedTest
    @CsvSource({"aes_gcm_test.json", "chacha20_poly1305_test.json"})
    void encryptionGivesTheVectorsCiphertextAndTagSeparately(String file) throws Exception {
        int checked = 0;
        for (Case c : WycheproofVectors.load(file)) {
            byte[] nonce = hex(c.text("iv"));
            if (!c.valid() || nonce.length != AeadAlgorithm.NONCE_BYTES) {
                continue;
            }
            byte[] msg = hex(c.text("msg"));
            Cipher sealing = algorithmFor(file).sealing(hex(c.text("key")), nonce, AeadAlgorithm.TAG_BYTES);
            sealing.updateAAD(hex(c.text("aad")));
            ByteArrayOutputStream ct = new ByteArrayOutputStream();
            byte[] tag = ContentEncryption.encrypt(sealing, AeadAlgorithm.TAG_BYTES, new ByteArrayInputStream(msg),
                    msg.length, ct);
            assertArrayEquals(hex(c.text("ct")), ct.toByteArray(), c.name());
            assertArrayEquals(hex(c.text("tag")), tag, c.name());
            checked++;
        }
        assertTrue(checked > 0);
    }

    private static InputStream oneByteAtATime(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
