package org.sealmail.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.cms.CmsInput;
import org.sealmail.core.cms.EnvelopedDataParser;
import org.sealmail.core.cms.EnvelopedDataStream;
import org.sealmail.core.cms.EnvelopedHeader;
import org.sealmail.core.cms.RecipientInfo;
import org.sealmail.core.mime.SmimeEnvelope;
import org.sealmail.core.x509.CertificateNames;

/** {@code sealmail inspect}: what a message or CMS object is, without any key. */
final class InspectCommand implements Command {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int REWIND_BYTES = 256 * 1024;

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "show what an encrypted message or CMS object holds, without any key";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail inspect [--in FILE] [--json]

                Reads an S/MIME message, or a CMS object (DER, BER, or PEM labelled CMS, PKCS7 or
                ENCRYPTED MESSAGE), and prints what it is: content type (envelopedData or
                authEnvelopedData), version, BER or DER, each recipient (kind, issuer and serial in
                hex, or subject key identifier; key-encryption algorithm; for RSA-OAEP its hash and
                MGF, for key agreement the curve, KDF and key wrap), the content cipher, IV length
                (for AES-GCM and ChaCha20-Poly1305 the nonce and tag lengths) and encrypted size.
                No key is needed; the content is read through, not held.

                  --in FILE   read FILE instead of stdin
                  --json      print the same as one JSON object

                exit: 0 ok, 64 usage, 65 not an S/MIME message or CMS object, 66 cannot read input
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args, Set.of("--in"), Set.of("--json"));
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + parsed.operands().get(0) + "\"");
        }
        Report report;
        try (InputStream in = new BufferedInputStream(FileAccess.openInput(parsed.single("--in"), console), BUFFER_SIZE)) {
            report = inspect((BufferedInputStream) in);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.TEMPORARY_FAILURE, "cannot read the input: " + e.getMessage());
        }
        console.stdout().print(parsed.has("--json") ? report.toJson() + "\n" : report.toText());
        console.stdout().flush();
        return ExitCode.OK;
    }

    private static Report inspect(BufferedInputStream input) throws SmimeException, IOException {
        Report report = new Report();
        InputStream cms;
        if (MessageOrCms.isMessage(input)) {
            report.put("form", "S/MIME message");
            cms = SmimeEnvelope.open(input).cms();
        } else {
            report.put("form", "CMS object");
            cms = CmsInput.open(input);
        }
        // The content type is read ahead and the stream rewound; the reader buffers up to 64 KiB.
        BufferedInputStream marked = new BufferedInputStream(cms, REWIND_BYTES);
        marked.mark(REWIND_BYTES);
        String contentType = EnvelopedDataParser.contentType(marked);
        report.put("content-type", Oids.name(contentType));
        if (!contentType.equals(Oids.ENVELOPED_DATA) && !contentType.equals(Oids.AUTH_ENVELOPED_DATA)) {
            return report;
        }
        marked.reset();
        EnvelopedDataStream stream = EnvelopedDataParser.open(marked);
        stream.finish();
        EnvelopedHeader message = stream.header();
        report.put("version", message.version());
        report.put("encoding", stream.ber() ? "BER" : "DER");
        List<Report> recipients = new ArrayList<>();
        for (RecipientInfo info : message.recipients()) {
            Report recipient = new Report();
            recipient.put("kind", info.kind().shortName());
            if (info.id() != null) {
                if (info.id().issuer() != null) {
                    recipient.put("issuer", CertificateNames.distinguishedName(info.id().issuer()));
                    recipient.put("serial", CertificateNames.serialHex(info.id().serialNumber()));
                } else {
                    recipient.put("subject-key-id", java.util.HexFormat.of().formatHex(info.id().subjectKeyIdentifier()));
                }
                recipient.put("key-encryption", Oids.name(info.keyEncryptionOid()));
                info.details().forEach(recipient::put);
            }
            recipients.add(recipient);
        }
        report.putList("recipients", recipients);
        report.put("content-cipher", Oids.name(message.contentCipherOid()));
        if (message.authenticated()) {
            report.put("nonce-length", message.iv().length);
            report.put("tag-length", message.tagLength());
        } else {
            report.put("iv-length", message.iv().length);
        }
        report.put("encrypted-size", stream.skippedContentBytes());
        return report;
    }
}
