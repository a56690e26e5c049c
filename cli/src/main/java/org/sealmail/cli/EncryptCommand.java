package org.sealmail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.mime.MessageEncryptor;
import org.sealmail.core.mime.Outcome;

/** {@code sealmail encrypt}: a message in, the same message encrypted for the certificates out. */
final class EncryptCommand implements Command {

    @Override
    public String name() {
        return "encrypt";
    }

    @Override
    public String summary() {
        return "encrypt a message (or any bytes, with --der) for one or more certificates";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail encrypt --cert FILE [--cert FILE]... [--cipher aes128-cbc|aes256-cbc]
                                        [--in FILE] [--out FILE] [--der]

                Reads an RFC 5322 message and writes it as an S/MIME message (application/pkcs7-mime,
                CMS EnvelopedData) that each certificate's private key alone can open. The header
                fields stay readable except the Content-* fields, which are encrypted with the body.
                A message that is already encrypted (S/MIME, PGP/MIME, inline PGP) is written out
                unchanged, with a note on stderr.

                  --cert FILE    PEM (one or more certificates) or DER; repeat for more recipients
                  --cipher NAME  aes256-cbc (default) or aes128-cbc
                  --in FILE      read FILE instead of stdin
                  --out FILE     write FILE (complete or not at all) instead of stdout
                  --der          encrypt the input bytes as they are and write a DER CMS object
                                 (what `openssl cms -decrypt -inform DER` reads)

                exit: 0 ok, 64 usage, 65 bad message or certificate, 66 cannot read input,
                      73 cannot create output, 74 read or write error
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args,
                Set.of("--cert", "--cipher", "--in", "--out"), Set.of("--der"));
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + parsed.operands().get(0) + "\"");
        }
        if (parsed.all("--cert").isEmpty()) {
            throw new UsageException("give at least one --cert FILE");
        }
        ContentCipher cipher = cipher(parsed.single("--cipher"));
        List<X509Certificate> recipients = RecipientFiles.load(parsed.all("--cert"), name(), console);
        EnvelopedDataWriter writer = new EnvelopedDataWriter(recipients, cipher);

        try (InputStream in = FileAccess.openInput(parsed.single("--in"), console);
                OutputTarget out = OutputTarget.open(parsed.single("--out"), console)) {
            if (parsed.has("--der")) {
                writer.encrypt(in, out.stream());
            } else {
                Outcome outcome = new MessageEncryptor().encrypt(in, out.stream(), writer::encrypt);
                if (!outcome.wasEncrypted()) {
                    console.note(name(), "not encrypted: " + outcome.reason() + "; written unchanged");
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.IO_ERROR, "cannot close the input: " + e.getMessage());
        }
        return ExitCode.OK;
    }

    static ContentCipher cipher(String name) throws UsageException {
        if (name == null) {
            return ContentCipher.DEFAULT;
        }
        try {
            return ContentCipher.byName(name);
        } catch (SmimeException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
