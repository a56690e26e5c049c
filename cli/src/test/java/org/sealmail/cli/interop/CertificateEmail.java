package org.sealmail.cli.interop;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The emailAddress in a test certificate's subject: how NSS and gpgsm pick a recipient. */
final class CertificateEmail {

    private CertificateEmail() {
    }

    static String of(TestKey key) {
        RDN[] emails = PemFiles.certificate(key.certificate()).getSubject().getRDNs(BCStyle.EmailAddress);
        if (emails.length != 1) {
            throw new IllegalArgumentException(key + ": the subject has " + emails.length + " emailAddress values");
        }
        return IETFUtils.valueToString(emails[0].getFirst().getValue());
    }
}
