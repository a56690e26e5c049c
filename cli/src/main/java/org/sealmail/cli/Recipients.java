package org.sealmail.cli;

import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.cms.RecipientOptions;
import org.sealmail.core.x509.CertificateBundle;

/** Who a command encrypts to, and how: from --cert/--cipher/--oaep/--rid or an account. */
record Recipients(CertificateBundle certificates, ContentCipher cipher, RecipientOptions options) {

    Recipients(CertificateBundle certificates, ContentCipher cipher) {
        this(certificates, cipher, RecipientOptions.DEFAULT);
    }

    /** @throws SmimeException when a certificate cannot be named as the options ask (no subject key identifier) */
    EnvelopedDataWriter writer() throws SmimeException {
        return new EnvelopedDataWriter(certificates, cipher, options);
    }
}
