package org.sealmail.core.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.PBEParameterSpec;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Tag;

/**
 * The password-keyed HMAC over a PKCS#12 file's contents (RFC 7292 section 4 and appendix B):
 * checked before anything is decrypted, so a wrong password is found before any decryption runs.
 */
final class Pkcs12Mac {

    /** Digest OID to the SunJCE MAC that derives its key with the PKCS#12 KDF. */
    private static final Map<String, String> JDK_MACS = Map.of(
            KeyOids.SHA1, "HmacPBESHA1",
            KeyOids.SHA224, "HmacPBESHA224",
            KeyOids.SHA256, "HmacPBESHA256",
            KeyOids.SHA384, "HmacPBESHA384",
            KeyOids.SHA512, "HmacPBESHA512");

    private final String jdkMac;
    private final byte[] expected;
    private final byte[] salt;
    private final int iterations;

    private Pkcs12Mac(String jdkMac, byte[] expected, byte[] salt, int iterations) {
        this.jdkMac = jdkMac;
        this.expected = expected;
        this.salt = salt;
        this.iterations = iterations;
    }

    /** MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 } */
    static Pkcs12Mac read(BerReader macData, IterationBudget budget) throws SmimeException {
        BerReader digestInfo = macData.readSequence();
        AlgorithmId digest = AlgorithmId.read(digestInfo);
        byte[] expected = digestInfo.readOctetString();
        digestInfo.expectEnd("MAC digest");
        byte[] salt = macData.readOctetString();
        BigInteger iterations = macData.peekTag() == Tag.INTEGER ? macData.readInteger() : BigInteger.ONE;
        macData.expectEnd("MAC data");

        if (digest.oid().equals(KeyOids.PBMAC1)) {
            throw SmimeException.unsupported("PKCS#12 files protected with PBMAC1 (RFC 9579) are not supported yet");
        }
        String jdkMac = JDK_MACS.get(digest.oid());
        if (jdkMac == null) {
            throw SmimeException.unsupported("PKCS#12 MAC digest " + digest.oid() + " is not supported");
        }
        if (salt.length == 0) {
            throw SmimeException.badInput("MAC salt is empty");
        }
        return new Pkcs12Mac(jdkMac, expected, salt, budget.spend(iterations, "MAC"));
    }

    /**
     * The password form that verifies {@code content}: the one given or, when it was empty,
     * possibly the no-bytes form of the empty password (OpenSSL tries both as well).
     */
    Password verify(byte[] content, Password given, IterationBudget budget) throws SmimeException, PasswordMismatch {
        if (matches(content, given)) {
            return given;
        }
        if (given.isEmpty()) {
            budget.spend(BigInteger.valueOf(iterations), "MAC");
            Password noBytes = given.asNoBytes();
            if (matches(content, noBytes)) {
                return noBytes;
            }
        }
        throw new PasswordMismatch();
    }

    private boolean matches(byte[] content, Password password) throws SmimeException {
        Mac mac;
        try {
            mac = Mac.getInstance(jdkMac);
            mac.init(password.pkcs12Key(), new PBEParameterSpec(salt, iterations));
        } catch (GeneralSecurityException e) {
            throw new SmimeException(SmimeException.Reason.INTERNAL,
                    "the JDK cannot run " + jdkMac + ": " + JdkErrors.describe(e), e);
        }
        if (expected.length != mac.getMacLength()) {
            throw SmimeException.badInput("MAC of " + expected.length + " bytes; " + jdkMac.substring(7)
                    + " gives " + mac.getMacLength());
        }
        return MessageDigest.isEqual(mac.doFinal(content), expected);
    }
}
