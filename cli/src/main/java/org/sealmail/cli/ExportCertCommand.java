package org.sealmail.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.keys.Pkcs12Contents;
import org.sealmail.core.keys.Pkcs12File;
import org.sealmail.core.pem.PemWriter;
import org.sealmail.core.x509.CertificateBundle;

/** {@code sealmail export-cert}: the public certificate(s) of a PKCS#12 file, as PEM, never a key. */
final class ExportCertCommand implements Command {

    @Override
    public String name() {
        return "export-cert";
    }

    @Override
    public String summary() {
        return "write the certificate(s) of a PKCS#12 (.p12/.pfx) file as PEM, never the key";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail export-cert --pkcs12 FILE [--password-env VAR | --password-file FILE]
                                            [--chain] [--out FILE]

                Writes as PEM the certificate(s) that have a private key in FILE (what
                `openssl pkcs12 -clcerts -nokeys` gives), never any key material. Modern (AES,
                PBKDF2) and legacy (3DES, RC2-40) PKCS#12 files both work, with no switch.
                The result is what `sealmail account set --cert` and `sealmail encrypt --cert` take.
                A certificate that cannot be used to encrypt is still written, and the reason is
                printed on stderr.

                  --pkcs12 FILE         the .p12/.pfx file from your certificate authority
                  --password-env VAR    its password is in environment variable VAR
                  --password-file FILE  its password is the first line of FILE
                                        (neither: the password is empty)
                  --chain               also write the CA certificates the file holds
                  --out FILE            write FILE (complete or not at all) instead of stdout

                exit: 0 ok, 64 usage, 65 wrong password or damaged file, 66 cannot read FILE,
                      73 cannot create output
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args,
                Set.of("--pkcs12", "--out", PasswordSource.ENV_OPTION, PasswordSource.FILE_OPTION),
                Set.of("--chain"));
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + parsed.operands().get(0) + "\"");
        }
        String file = parsed.single("--pkcs12");
        if (file == null) {
            throw new UsageException("give the PKCS#12 file with --pkcs12 FILE");
        }
        refuseOverwritingTheInput(file, parsed.single("--out"));
        char[] password = PasswordSource.read(parsed, System.getenv());
        byte[] bytes = FileAccess.readSmallFile(file);
        Pkcs12Contents contents;
        try {
            contents = Pkcs12File.read(bytes, password);
        } catch (SmimeException e) {
            throw new CommandFailure(ExitCode.of(e.reason()), file + ": " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(bytes, (byte) 0);
        }
        if (contents.keyCertificates().isEmpty()) {
            throw new CommandFailure(ExitCode.DATA_ERROR, file + ": no certificate with a private key in this file");
        }
        reportIfUnusable(contents.keyCertificates(), console);

        List<X509Certificate> exported = new ArrayList<>(contents.keyCertificates());
        if (parsed.has("--chain")) {
            exported.addAll(contents.otherCertificates());
        }
        try (OutputTarget out = OutputTarget.open(parsed.single("--out"), console)) {
            for (X509Certificate certificate : exported) {
                out.stream().write(PemWriter.write("CERTIFICATE", certificate.getEncoded())
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.commit();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.TEMPORARY_FAILURE, "cannot write the output: " + e.getMessage());
        } catch (CertificateEncodingException e) {
            throw new CommandFailure(ExitCode.INTERNAL, "cannot encode a certificate: " + e.getMessage());
        }
        return ExitCode.OK;
    }

    /** Replacing the only copy of someone's private key with a PEM certificate would lose the key. */
    private static void refuseOverwritingTheInput(String input, String output) throws UsageException {
        if (output == null) {
            return;
        }
        try {
            if (Files.exists(Path.of(output)) && Files.isSameFile(Path.of(input), Path.of(output))) {
                throw new UsageException("--out names the PKCS#12 file itself; writing it would destroy the key");
            }
        } catch (IOException e) {
            // The input cannot be read: reading it next says why, with the right exit code.
        }
    }

    /** The export still happens: the user may need the certificate elsewhere. */
    private void reportIfUnusable(List<X509Certificate> certificates, Console console) {
        try {
            CertificateBundle bundle = CertificateBundle.of(certificates);
            for (String warning : bundle.warnings()) {
                console.note(name(), "warning: " + warning);
            }
        } catch (SmimeException e) {
            console.note(name(), "warning: exported, but it cannot be used to encrypt: " + e.getMessage());
        }
    }
}
