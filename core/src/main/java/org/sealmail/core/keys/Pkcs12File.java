package org.sealmail.core.keys;

import java.util.Arrays;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;

/**
 * Reads PKCS#12 files (RFC 7292) in password integrity and password privacy mode: what
 * OpenSSL 3 writes by default (PBES2, AES-256-CBC, HMAC-SHA256), its {@code -legacy} form
 * (RC2-40 and 3DES, HMAC-SHA1), 3DES throughout, the JDK's keystore files, and files without a MAC.
 *
 * <p>The MAC is verified before anything is decrypted. A MAC that does not verify is reported as
 * a wrong password, its likely cause; bytes damaged inside the MAC-protected content look the
 * same, while a damaged structure is reported as such. Work is bounded by {@link IterationBudget}; decrypted key bytes are zeroed.
 */
public final class Pkcs12File {

    private static final String WHAT = "the PKCS#12 file";
    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    private static final int EXPLICIT_0 = Tag.CONSTRUCTED_BIT | Tag.context(0);

    private final IterationBudget budget;
    private final SafeBags bags;

    private Pkcs12File(Limits limits) {
        this.budget = new IterationBudget(limits);
        this.bags = new SafeBags(budget);
    }

    /** True when {@code input} starts like a PFX: a SEQUENCE holding INTEGER 3 (RFC 7292 section 4). */
    public static boolean looksLikePkcs12(byte[] input) {
        try {
            BerReader pfx = BerReader.of(input).readSequence();
            return pfx.readSmallInteger() == 3 && pfx.peekTag() == Tag.SEQUENCE;
        } catch (SmimeException e) {
            return false;
        }
    }

    /**
     * The keys and certificates of a PKCS#12 file.
     *
     * @param password the file's password; null or empty for none
     * @throws SmimeException BAD_INPUT for a wrong password ("wrong password for the PKCS#12
     *                        file") or a damaged file, UNSUPPORTED for what is not implemented
     */
    public static Pkcs12Contents read(byte[] der, char[] password) throws SmimeException {
        return read(der, password, Limits.DEFAULT);
    }

    /** The same, within {@code limits} (iteration counts). */
    public static Pkcs12Contents read(byte[] der, char[] password, Limits limits) throws SmimeException {
        Password given = Password.of(password);
        try {
            return new Pkcs12File(limits).parse(der, given);
        } catch (PasswordMismatch e) {
            throw PasswordMismatch.wrongPassword(WHAT, given);
        }
    }

    private Pkcs12Contents parse(byte[] der, Password given) throws SmimeException, PasswordMismatch {
        byte[] authenticatedSafe;
        Password password;
        try {
            // PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }
            BerReader file = BerReader.of(der);
            BerReader pfx = file.readSequence();
            file.expectEnd("PKCS#12 structure");
            int version = pfx.readSmallInteger();
            if (version != 3) {
                throw SmimeException.badInput("version " + version + "; expected 3");
            }
            authenticatedSafe = readAuthSafe(pfx.readSequence());
            Pkcs12Mac mac = pfx.isEmpty() ? null : Pkcs12Mac.read(pfx.readSequence(), budget);
            pfx.expectEnd("MAC data");
            password = mac == null ? given : mac.verify(authenticatedSafe, given, budget);
        } catch (SmimeException e) {
            throw Failures.located("PKCS#12 file", e);
        }
        try {
            // AuthenticatedSafe ::= SEQUENCE OF ContentInfo
            BerReader outer = BerReader.of(authenticatedSafe);
            BerReader parts = outer.readSequence();
            outer.expectEnd("authenticated safe");
            for (int number = 1; !parts.isEmpty(); number++) {
                readPart(parts.readSequence(), password, number);
            }
        } catch (SmimeException e) {
            throw Failures.located("PKCS#12 file", e);
        }
        return bags.contents();
    }

    /** The authSafe ContentInfo: id-data holding the DER of the AuthenticatedSafe. */
    private static byte[] readAuthSafe(BerReader contentInfo) throws SmimeException {
        String type = contentInfo.readOid();
        if (type.equals(SIGNED_DATA)) {
            throw SmimeException.unsupported("PKCS#12 files in public-key integrity mode (signed) are not supported");
        }
        if (!type.equals(Oids.DATA)) {
            throw SmimeException.badInput("authSafe content type " + type + "; expected id-data");
        }
        BerReader content = contentInfo.read(EXPLICIT_0).children();
        byte[] octets = content.readOctetString();
        content.expectEnd("authSafe content");
        contentInfo.expectEnd("authSafe");
        return octets;
    }

    /** One ContentInfo of the AuthenticatedSafe: SafeContents in the clear or password-encrypted. */
    private void readPart(BerReader contentInfo, Password password, int number)
            throws SmimeException, PasswordMismatch {
        String where = "part " + number;
        try {
            String type = contentInfo.readOid();
            BerReader content = contentInfo.read(EXPLICIT_0).children();
            contentInfo.expectEnd("content info");
            if (type.equals(Oids.DATA)) {
                byte[] safeContents = content.readOctetString();
                content.expectEnd("data");
                bags.read(safeContents, password, where);
            } else if (type.equals(KeyOids.ENCRYPTED_DATA)) {
                byte[] safeContents = decryptEncryptedData(content.readSequence(), password);
                content.expectEnd("encrypted data");
                try {
                    bags.read(safeContents, password, where + " (decrypted)");
                } finally {
                    Arrays.fill(safeContents, (byte) 0);
                }
            } else if (type.equals(Oids.ENVELOPED_DATA)) {
                throw SmimeException.unsupported(
                        "PKCS#12 files in public-key privacy mode (enveloped) are not supported");
            } else {
                throw SmimeException.badInput("content type " + type + "; expected id-data or id-encryptedData");
            }
        } catch (SmimeException e) {
            throw Failures.located(where, e);
        }
    }

    /**
     * EncryptedData ::= SEQUENCE { version INTEGER, encryptedContentInfo EncryptedContentInfo,
     * unprotectedAttrs [1] IMPLICIT OPTIONAL }; EncryptedContentInfo ::= SEQUENCE { contentType,
     * contentEncryptionAlgorithm, encryptedContent [0] IMPLICIT OCTET STRING OPTIONAL }
     */
    private byte[] decryptEncryptedData(BerReader encryptedData, Password password)
            throws SmimeException, PasswordMismatch {
        encryptedData.readSmallInteger();
        BerReader info = encryptedData.readSequence();
        String contentType = info.readOid();
        if (!contentType.equals(Oids.DATA)) {
            throw SmimeException.badInput("encrypted content type " + contentType + "; expected id-data");
        }
        AlgorithmId algorithm = AlgorithmId.read(info);
        if (info.isEmpty()) {
            throw SmimeException.badInput("encrypted data has no encrypted content");
        }
        BerReader.Element encrypted = info.readAny();
        if ((encrypted.tagByte() & ~Tag.CONSTRUCTED_BIT) != Tag.context(0)) {
            throw SmimeException.badInput(String.format("encrypted content has tag 0x%02x; expected [0]", encrypted.tagByte()));
        }
        byte[] ciphertext = encrypted.octets(Tag.OCTET_STRING);
        info.expectEnd("encrypted content info");
        return PasswordBasedDecryption.decrypt(algorithm, ciphertext, password, budget);
    }
}
