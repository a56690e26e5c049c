package org.sealmail.core.cms;

import java.util.ArrayList;
import java.util.List;
import org.sealmail.core.x509.CertificateBundle;
import org.sealmail.core.x509.RecipientCertificate;

/**
 * Which widespread readers cannot open what sealmail writes with a given choice, as measured with
 * the peers of DESIGN.md: NSS 3.87 {@code cmsutil} (Thunderbird) refuses RSA-OAEP
 * (SEC_ERROR_UNSUPPORTED_KEYALG) and key agreement recipient infos (SEC_ERROR_BAD_DER); gpgsm
 * 2.2.40 (KMail, Kleopatra) finds no session key in RSA-OAEP and cannot import EC or X25519 keys;
 * OpenSSL 3.0 opens RSA-OAEP and ECDH but finds no recipient in X25519/X448 key agreement.
 * Neither NSS nor gpgsm opens AuthEnvelopedData (cmsutil: SEC_ERROR_UNRECOGNIZED_OID; gpgsm: "error
 * getting IV: Buffer too short" for AES-GCM, "unsupported algorithm" for ChaCha20-Poly1305);
 * OpenSSL 3.0 opens AES-GCM but has no ChaCha20-Poly1305 in CMS.
 */
public final class PeerCompatibility {

    private static final String READERS = "Thunderbird (NSS) and gpgsm (KMail, Kleopatra) cannot open it;"
            + " OpenSSL-based readers can";
    private static final String BOUNCY_CASTLE_ONLY = "Thunderbird (NSS), gpgsm (KMail, Kleopatra) and OpenSSL 3.0"
            + " cannot open it; Bouncy Castle-based readers can";

    private PeerCompatibility() {
    }

    /** One line per choice that some widespread reader cannot open; empty when every one can. */
    public static List<String> warnings(CertificateBundle recipients, RecipientOptions options) {
        return warnings(recipients, options, ContentCipher.DEFAULT);
    }

    /** The same for messages encrypted with {@code cipher}: an authenticated one is a warning of its own. */
    public static List<String> warnings(CertificateBundle recipients, RecipientOptions options, ContentCipher cipher) {
        List<String> warnings = new ArrayList<>();
        // OpenSSL 3.0 has no ChaCha20-Poly1305 in CMS, whatever the recipient.
        String openSslReaders = cipher == ContentCipher.CHACHA20_POLY1305 ? BOUNCY_CASTLE_ONLY : READERS;
        if (cipher.authenticated()) {
            warnings.add(cipher.cliName() + " (AuthEnvelopedData, RSA keys get RSA-OAEP): " + openSslReaders);
        }
        boolean anyRsa = false;
        for (RecipientCertificate recipient : recipients.certificates()) {
            if (recipient.publicKey().getAlgorithm().equals("RSA")) {
                anyRsa = true;
            } else {
                warnings.add("certificate \"" + recipient.subject() + "\" has an " + recipient.keyDescription()
                        + " key: " + (recipient.ecCurve() != null ? openSslReaders : BOUNCY_CASTLE_ONLY));
            }
        }
        if (options.oaep() && anyRsa && !cipher.authenticated()) {
            warnings.add("RSA-OAEP: " + READERS);
        }
        return warnings;
    }
}
