package org.sealmail.core.cms;

import java.util.List;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.x509.RecipientCertificate;

/** Which {@link RecipientScheme} writes for a certificate, and which one reads a recipient info. */
final class RecipientSchemes {

    private static final RecipientScheme RSA_PKCS1 = new RsaPkcs1Recipient();
    private static final RecipientScheme RSA_OAEP = new RsaOaepRecipient();
    private static final RecipientScheme KEY_AGREEMENT = new KeyAgreeRecipient();
    private static final List<RecipientScheme> ALL = List.of(RSA_PKCS1, RSA_OAEP, KEY_AGREEMENT);

    private RecipientSchemes() {
    }

    /** The scheme that gives a content key to {@code recipient}. */
    static RecipientScheme forCertificate(RecipientCertificate recipient, RecipientOptions options) {
        if (!recipient.publicKey().getAlgorithm().equals("RSA")) {
            return KEY_AGREEMENT;
        }
        return options.oaep() ? RSA_OAEP : RSA_PKCS1;
    }

    /** The scheme {@code info} uses, or null when sealmail knows none. */
    static RecipientScheme forInfo(RecipientInfo info) {
        for (RecipientScheme scheme : ALL) {
            if (scheme.reads(info)) {
                return scheme;
            }
        }
        return null;
    }

    /** Whether sealmail can open {@code info} with a matching key. */
    static boolean canOpen(RecipientInfo info) {
        return unsupportedReason(info) == null;
    }

    /** Why sealmail cannot open {@code info}, or null when it can. */
    static String unsupportedReason(RecipientInfo info) {
        RecipientScheme scheme = forInfo(info);
        if (scheme != null) {
            return scheme.unsupportedReason(info);
        }
        if (info.kind() == RecipientInfo.Kind.KEY_TRANSPORT) {
            return Oids.name(info.keyEncryptionOid()) + ", not supported";
        }
        return "not supported";
    }
}
