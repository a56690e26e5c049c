package org.sealmail.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.keys.Pkcs12File;
import org.sealmail.core.x509.CertificateBundle;

/** Reads the certificate files given with {@code --cert}, validated as encryption recipients. */
final class RecipientFiles {

    private RecipientFiles() {
    }

    /** All certificates of all files, in order; warnings go to stderr, a refusal names its file. */
    static CertificateBundle load(List<String> files, String command, Console console)
            throws CommandFailure {
        return load(files, command, console, null);
    }

    /**
     * As {@link #load(List, String, Console)}, also taking the public certificates of PKCS#12 files
     * (opened with {@code pkcs12Password}; null refuses PKCS#12). Their private keys are not kept.
     */
    static CertificateBundle load(List<String> files, String command, Console console, char[] pkcs12Password)
            throws CommandFailure {
        List<CertificateBundle> bundles = new ArrayList<>();
        for (String file : files) {
            byte[] bytes = FileAccess.readSmallFile(file);
            CertificateBundle bundle;
            try {
                if (pkcs12Password == null && Pkcs12File.looksLikePkcs12(bytes)) {
                    throw new CommandFailure(ExitCode.DATA_ERROR, file + ": a PKCS#12 file, which holds a private key;"
                            + " take its certificate with: sealmail export-cert --pkcs12 " + file);
                }
                if (pkcs12Password != null && Pkcs12File.looksLikePkcs12(bytes)) {
                    bundle = CertificateBundle.of(Pkcs12File.read(bytes, pkcs12Password).keyCertificates());
                    console.note(command, file + " is a PKCS#12 file: its certificate was taken;"
                            + " its private key is not stored anywhere");
                } else {
                    bundle = CertificateBundle.parse(bytes);
                }
            } catch (SmimeException e) {
                throw new CommandFailure(ExitCode.of(e.reason()), file + ": " + e.getMessage());
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
            for (String warning : bundle.warnings()) {
                console.note(command, file + ": warning: " + warning);
            }
            bundles.add(bundle);
        }
        return CertificateBundle.join(bundles);
    }
}
