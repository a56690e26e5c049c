package org.sealmail.cli;

import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.x509.CertificateBundle;

/** Who a command encrypts to, and with which cipher: from --cert/--cipher or an account. */
record Recipients(CertificateBundle certificates, ContentCipher cipher) {

    EnvelopedDataWriter writer() {
        return new EnvelopedDataWriter(certificates, cipher);
    }
}
