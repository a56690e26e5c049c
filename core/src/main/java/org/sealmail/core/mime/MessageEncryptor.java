package org.sealmail.core.mime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.EnvelopedDataWriter;

/**
 * Turns an RFC 5322 message into an S/MIME enveloped message (RFC 8551): the content fields and
 * the body go inside the encryption, every other field stays outside. An mbox envelope line
 * ("From sender date") before the header is written first, unchanged, and never encrypted. A
 * message that is already S/MIME or PGP is copied unchanged. Streams in, streams out; the
 * caller's streams stay open.
 */
public final class MessageEncryptor {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final Limits limits;
    private final SmimeType smimeType;

    /** An encryptor whose encryptor makes EnvelopedData. */
    public MessageEncryptor() {
        this(Limits.DEFAULT);
    }

    /** An encryptor whose encryptor makes what {@code smimeType} says (AuthEnvelopedData for AES-GCM, ChaCha20-Poly1305). */
    public MessageEncryptor(SmimeType smimeType) {
        this(Limits.DEFAULT, smimeType);
    }

    /** An encryptor that reads header sections within {@code limits}; the body streams, unlimited. */
    public MessageEncryptor(Limits limits) {
        this(limits, SmimeType.ENVELOPED_DATA);
    }

    public MessageEncryptor(Limits limits, SmimeType smimeType) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.smimeType = Objects.requireNonNull(smimeType, "smimeType");
    }

    /**
     * Encrypts {@code message} whose entity is known to be {@code entityLength} bytes long (from
     * {@link #entityLength} over the same file), so the CMS object can be DER with definite
     * lengths however large the message. A message that changed in between is an I/O error.
     */
    public Outcome encrypt(InputStream message, OutputStream out, SizedContentEncryptor encryptor, long entityLength)
            throws SmimeException {
        Objects.requireNonNull(encryptor, "encryptor");
        return encrypt(message, out, (entity, der) -> encryptor.encrypt(entity, entityLength, der));
    }

    /**
     * A first, cheap pass over a message (a file, to be read again for {@link #encrypt}): the
     * length of the entity that gets encrypted, in canonical form. Reads all of {@code message}.
     */
    public long entityLength(InputStream message) throws SmimeException {
        BufferedInputStream in = new BufferedInputStream(message, BUFFER_SIZE);
        HeaderSection headers = HeaderReader.read(in, limits);
        try {
            return InnerEntity.length(headers, in);
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
    }

    /**
     * Encrypts with {@code writer}; the S/MIME entity says what the writer makes (enveloped-data,
     * or authEnveloped-data for AES-GCM and ChaCha20-Poly1305), whatever this encryptor was built with.
     */
    public Outcome encrypt(InputStream message, OutputStream out, EnvelopedDataWriter writer) throws SmimeException {
        return encrypt(message, out, writer::encrypt, SmimeType.of(writer.cipher()));
    }

    /** The same for a message whose entity is {@code entityLength} bytes long: DER with definite lengths. */
    public Outcome encrypt(InputStream message, OutputStream out, EnvelopedDataWriter writer, long entityLength)
            throws SmimeException {
        return encrypt(message, out, (entity, der) -> writer.encrypt(entity, entityLength, der),
                SmimeType.of(writer.cipher()));
    }

    /** Encrypts with any content encryptor, which must make what this encryptor's smime-type says. */
    public Outcome encrypt(InputStream message, OutputStream out, ContentEncryptor encryptor)
            throws SmimeException {
        return encrypt(message, out, encryptor, smimeType);
    }

    private Outcome encrypt(InputStream message, OutputStream out, ContentEncryptor encryptor, SmimeType type)
            throws SmimeException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(encryptor, "encryptor");
        // HeaderReader reads byte by byte, and AlreadyEncrypted needs mark/reset: buffer here.
        BufferedInputStream in = new BufferedInputStream(message, BUFFER_SIZE);
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER_SIZE);
        HeaderSection headers = HeaderReader.read(in, limits);
        Optional<String> protectedAlready = AlreadyEncrypted.check(headers, in);
        try {
            if (protectedAlready.isPresent()) {
                headers.writeTo(buffered);
                in.transferTo(buffered);
                buffered.flush();
                return Outcome.passedThrough(protectedAlready.get());
            }
            OuterHeader.write(headers, type, buffered);
            try (OutputStream base64 = new Base64LineOutputStream(buffered)) {
                encryptor.encrypt(InnerEntity.open(headers, in), base64);
            }
            buffered.flush();
            return Outcome.encrypted();
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO,
                    "cannot read or write the message: " + e.getMessage(), e);
        }
    }
}
