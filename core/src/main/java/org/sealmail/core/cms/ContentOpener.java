package org.sealmail.core.cms;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import org.sealmail.core.SmimeException;

/**
 * The content cipher of one message with its parameters checked, whichever kind it is: a CBC
 * cipher of EnvelopedData or an AEAD of AuthEnvelopedData (no authenticated attributes, so no AAD).
 */
interface ContentOpener {

    int keyBytes();

    /**
     * Decrypts the content to {@code plain} as it streams; false when the padding or the tag is
     * wrong (a wrong key or damage: the caller cannot and must not tell which).
     */
    boolean open(byte[] key, InputStream ciphertext, OutputStream plain,
            AeadContentDecryption.TagAfterCiphertext afterCiphertext) throws GeneralSecurityException, SmimeException;

    /** The opener for {@code message}; refuses an unknown cipher, or a wrong IV, nonce or tag length, before any key is used. */
    static ContentOpener of(EnvelopedHeader message) throws SmimeException {
        byte[] iv = message.iv();
        AeadContentDecryption aead = AeadContentDecryption.forOid(message.contentCipherOid());
        if (aead != null) {
            aead.checkParameters(iv, message.tagLength());
            return new ContentOpener() {
                public int keyBytes() {
                    return aead.keyBytes();
                }

                public boolean open(byte[] key, InputStream ciphertext, OutputStream plain,
                        AeadContentDecryption.TagAfterCiphertext afterCiphertext)
                        throws GeneralSecurityException, SmimeException {
                    return aead.decrypt(key, iv, message.tagLength(), new byte[0], ciphertext, plain, afterCiphertext);
                }
            };
        }
        ContentDecryption cbc = ContentDecryption.forOid(message.contentCipherOid());
        cbc.checkIv(iv);
        return new ContentOpener() {
            public int keyBytes() {
                return cbc.keyBytes();
            }

            public boolean open(byte[] key, InputStream ciphertext, OutputStream plain,
                    AeadContentDecryption.TagAfterCiphertext afterCiphertext)
                    throws GeneralSecurityException, SmimeException {
                return cbc.decrypt(key, iv, ciphertext, plain, afterCiphertext::tag);
            }
        };
    }
}
