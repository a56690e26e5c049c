package org.sealmail.core.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sealmail.core.SmimeException;

/**
 * Decides whether a message is already S/MIME or PGP, so that it is never encrypted twice. Looks
 * at the top-level header only, and for inline PGP at the first bytes of a text body.
 * multipart/signed is not in the list on purpose: a signed message is still readable.
 */
public final class AlreadyEncrypted {

    /** How far into the body to look for the PGP armor line, leading whitespace included. */
    static final int BODY_LOOKAHEAD = 4096;

    private static final Set<String> PROTECTED_TYPES = Set.of(
            "multipart/encrypted",
            "application/pkcs7-mime",
            "application/x-pkcs7-mime",
            "application/pkcs7-signature",
            "application/x-pkcs7-signature");

    /** smime-type values of application/pkcs7-mime whose content is not encrypted (RFC 8551 3.2.2). */
    private static final Set<String> READABLE_SMIME_TYPES = Set.of("signed-data", "certs-only", "compressed-data");

    private static final List<String> SMIME_FILE_SUFFIXES = List.of(".p7m", ".p7s", ".p7c", ".p7z");

    private static final byte[] PGP_ARMOR = "-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII);

    private AlreadyEncrypted() {
    }

    /**
     * Why the message must pass through unchanged, or empty if it should be encrypted.
     *
     * @param body the stream positioned at the body; it must support mark/reset, and is left
     *     where it was
     */
    public static Optional<String> check(HeaderSection headers, InputStream body) throws SmimeException {
        if (!body.markSupported()) {
            throw new IllegalArgumentException("the body stream must support mark/reset");
        }
        String type = contentType(headers).map(ParameterizedValue::value).orElse("text/plain");
        if (READABLE_SMIME_TYPES.contains(smimeType(headers))) {
            // Signed-only, certificate-only or compressed S/MIME: anyone can read it, so encrypt it.
            return Optional.empty();
        }
        if (PROTECTED_TYPES.contains(type)) {
            return Optional.of("already protected: Content-Type is " + type);
        }
        if (type.equals("application/octet-stream")) {
            return smimeFileName(headers)
                    .map(suffix -> "already protected: an application/octet-stream named *" + suffix);
        }
        if (type.startsWith("text/") && bodyStartsWithPgpArmor(body)) {
            return Optional.of("already protected: the body starts with -----BEGIN PGP MESSAGE-----");
        }
        return Optional.empty();
    }

    /** The first Content-Type, if it parses as type/subtype; else RFC 2045 5.2's text/plain applies. */
    private static Optional<ParameterizedValue> contentType(HeaderSection headers) {
        return headers.first("Content-Type")
                .flatMap(field -> ParameterizedValue.parse(field.value()))
                .filter(value -> value.value().contains("/"));
    }

    private static String smimeType(HeaderSection headers) {
        return contentType(headers)
                .filter(v -> v.value().equals("application/pkcs7-mime") || v.value().equals("application/x-pkcs7-mime"))
                .flatMap(v -> v.parameter("smime-type"))
                .map(v -> v.strip().toLowerCase(Locale.ROOT))
                .orElse("");
    }

    /** The S/MIME file suffix that the Content-Type name or Content-Disposition filename ends in. */
    private static Optional<String> smimeFileName(HeaderSection headers) {
        Optional<String> name = contentType(headers).flatMap(v -> v.parameter("name"));
        Optional<String> filename = headers.first("Content-Disposition")
                .flatMap(field -> ParameterizedValue.parse(field.value()))
                .flatMap(v -> v.parameter("filename"));
        for (Optional<String> candidate : List.of(name, filename)) {
            if (candidate.isPresent()) {
                String lower = candidate.get().strip().toLowerCase(Locale.ROOT);
                for (String suffix : SMIME_FILE_SUFFIXES) {
                    if (lower.endsWith(suffix)) {
                        return Optional.of(suffix);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean bodyStartsWithPgpArmor(InputStream body) throws SmimeException {
        byte[] start;
        try {
            body.mark(BODY_LOOKAHEAD);
            start = body.readNBytes(BODY_LOOKAHEAD);
            body.reset();
        } catch (IOException e) {
            throw new SmimeException(SmimeException.Reason.IO, "cannot read the message: " + e.getMessage(), e);
        }
        int i = 0;
        while (i < start.length && isWhitespace(start[i])) {
            i++;
        }
        return start.length - i >= PGP_ARMOR.length
                && Arrays.equals(start, i, i + PGP_ARMOR.length, PGP_ARMOR, 0, PGP_ARMOR.length);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
