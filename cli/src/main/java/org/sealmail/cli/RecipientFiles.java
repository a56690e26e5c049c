package org.sealmail.cli;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.x509.CertificateBundle;
import org.sealmail.core.x509.RecipientCertificate;

/** Reads the certificate files given with {@code --cert}, validated as encryption recipients. */
final class RecipientFiles {

    private RecipientFiles() {
    }

    /** All certificates of all files, in order; warnings go to stderr, a refusal names its file. */
    static List<X509Certificate> load(List<String> files, String command, Console console)
            throws CommandFailure {
        List<X509Certificate> recipients = new ArrayList<>();
        for (String file : files) {
            CertificateBundle bundle;
            try {
                bundle = CertificateBundle.parse(FileAccess.readSmallFile(file));
            } catch (SmimeException e) {
                throw new CommandFailure(ExitCode.of(e.reason()), file + ": " + e.getMessage());
            }
            for (String warning : bundle.warnings()) {
                console.note(command, file + ": warning: " + warning);
            }
            for (RecipientCertificate certificate : bundle.certificates()) {
                recipients.add(certificate.certificate());
            }
        }
        return recipients;
    }
}
