package org.sealmail.core.keys;

import javax.crypto.interfaces.PBEKey;

/**
 * The password a user gave, and how it becomes key material.
 *
 * <p>The caller's array is used as is and never changed (zeroing it is the caller's business);
 * the JDK and PBKDF2 get copies.
 * PKCS#12's key derivation turns a password into BMPString bytes plus two zero bytes, so an
 * empty password is two zero bytes (what {@code openssl pkcs12 -passout pass:} writes). Some
 * tools (Bouncy Castle among them) use no bytes at all instead; {@link #asNoBytes()} is that form.
 */
final class Password {

    private final char[] chars;
    private final boolean noBytes;

    private Password(char[] chars, boolean noBytes) {
        this.chars = chars;
        this.noBytes = noBytes;
    }

    /** The password as given; null counts as empty. */
    static Password of(char[] chars) {
        return new Password(chars == null ? new char[0] : chars, false);
    }

    boolean isEmpty() {
        return chars.length == 0;
    }

    /** The empty password in the form that gives PKCS#12's key derivation zero bytes. */
    Password asNoBytes() {
        return new Password(new char[0], true);
    }

    /** A copy of the characters, for PBKDF2 (the JDK encodes them as UTF-8, as OpenSSL does). The caller zeroes it. */
    char[] copyOfChars() {
        return chars.clone();
    }

    /** The key that the JDK's PKCS#12 ciphers and MACs ("PBEWithSHA1AndDESede", "HmacPBESHA256") take. */
    PBEKey pkcs12Key() {
        // The JDK derives zero password bytes from the single character U+0000.
        return new Pkcs12Key(noBytes ? new char[] {'\0'} : chars);
    }

    /**
     * Hands the JDK the characters themselves; a SecretKeyFactory-made PBE key would refuse
     * anything but printable ASCII.
     */
    private static final class Pkcs12Key implements PBEKey {
        private static final long serialVersionUID = 1L;
        private final char[] password;

        Pkcs12Key(char[] password) {
            this.password = password;
        }

        @Override
        public char[] getPassword() {
            return password.clone();
        }

        /** None: salt and iteration count come with the parameters. */
        @Override
        public byte[] getSalt() {
            return null;
        }

        @Override
        public int getIterationCount() {
            return 0;
        }

        @Override
        public String getAlgorithm() {
            return "PBE";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        /** Not needed by the JDK for a PBEKey; withheld so the password is not copied again. */
        @Override
        public byte[] getEncoded() {
            return null;
        }
    }
}
