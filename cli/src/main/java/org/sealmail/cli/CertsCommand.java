package org.sealmail.cli;

import java.util.List;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.x509.CertificateBundle;
import org.sealmail.core.x509.RecipientCertificate;

/** {@code sealmail certs FILE...}: checks certificates as encryption recipients and lists them. */
final class CertsCommand implements Command {

    @Override
    public String name() {
        return "certs";
    }

    @Override
    public String summary() {
        return "check certificate files and list each certificate on one line";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail certs FILE...

                Checks that each FILE (PEM with one or more certificates, or DER with exactly one)
                can be used to encrypt, and prints one line per certificate on stdout:
                  subject="..." serial=HEX key=RSA-BITS not-after=YYYY-MM-DD
                Warnings (an expired certificate, say) go to stderr. A file that cannot be used is
                reported on stderr with the reason; the others are still listed.

                exit: 0 all files usable, 65 a file was refused, 66 a file cannot be read
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, CommandFailure {
        Arguments parsed = Arguments.parse(args, Set.of(), Set.of());
        if (parsed.operands().isEmpty()) {
            throw new UsageException("give at least one certificate file");
        }
        int exit = ExitCode.OK;
        for (String file : parsed.operands()) {
            try {
                CertificateBundle bundle = CertificateBundle.parse(FileAccess.readSmallFile(file));
                for (String warning : bundle.warnings()) {
                    console.note(name(), file + ": warning: " + warning);
                }
                for (RecipientCertificate certificate : bundle.certificates()) {
                    console.stdout().println(certificate.describe());
                }
            } catch (SmimeException e) {
                console.note(name(), file + ": " + e.getMessage());
                exit = Math.max(exit, ExitCode.of(e.reason()));
            } catch (CommandFailure e) {
                console.note(name(), e.getMessage());
                exit = Math.max(exit, e.exitCode());
            }
        }
        console.stdout().flush();
        return exit;
    }
}
