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
 * Decides whether a message is already S/MIME or PGP encrypted, so that it is never encrypted
 * twice. A header alone proves nothing, so the top-level Content-Type must be matched by the
 * first {@value #BODY_LOOKAHEAD} bytes of the body:
 *
 * <ul>
 *   <li>application/pkcs7-mime (or x-pkcs7-mime) whose smime-type is absent or any but
 *       signed-data, certs-only and compressed-data, and application/octet-stream named *.p7m:
 *       the body starts a CMS EnvelopedData or AuthEnvelopedData ({@link EncryptedCmsPrefix}),
 *       decoded first if its Content-Transfer-Encoding is base64, taken as it is otherwise;
 *   <li>multipart/encrypted with protocol application/pgp-encrypted: a line of the body starts
 *       with the PGP armor;
 *   <li>text/*: the body starts with the PGP armor, whitespace aside. What follows the armor is
 *       not checked: OpenPGP packets cannot be told from look-alikes without parsing them.
 * </ul>
 *
 * Everything else is encrypted, among it multipart/signed, S/MIME signed-data, certs-only and
 * compressed-data, and a lone detached signature: all readable by anyone.
 */
public final class AlreadyEncrypted {

    /** How much of the body is looked at: enough for a PGP/MIME control part and preamble. */
    static final int BODY_LOOKAHEAD = 16 * 1024;

    private static final Set<String> SMIME_TYPES = Set.of("application/pkcs7-mime", "application/x-pkcs7-mime");

    /** smime-type values of application/pkcs7-mime whose content is not encrypted (RFC 8551 3.2.2). */
    private static final Set<String> READABLE_SMIME_TYPES = Set.of("signed-data", "certs-only", "compressed-data");

    private static final String PGP_ENCRYPTED_PROTOCOL = "application/pgp-encrypted";

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
        Optional<ParameterizedValue> contentType = contentType(headers);
        String type = contentType.map(ParameterizedValue::value).orElse("text/plain");
        if (SMIME_TYPES.contains(type)) {
            String smimeType = contentType.get().parameter("smime-type").orElse("").strip().toLowerCase(Locale.ROOT);
            return !READABLE_SMIME_TYPES.contains(smimeType) && bodyStartsEncryptedCms(headers, body)
                    ? Optional.of("already protected: Content-Type is " + type)
                    : Optional.empty();
        }
        if (type.equals("application/octet-stream")) {
            return isNamedP7m(headers, contentType.get()) && bodyStartsEncryptedCms(headers, body)
                    ? Optional.of("already protected: an application/octet-stream named *.p7m")
                    : Optional.empty();
        }
        if (type.equals("multipart/encrypted")) {
            boolean pgp = contentType.get().parameter("protocol")
                    .map(protocol -> protocol.strip().equalsIgnoreCase(PGP_ENCRYPTED_PROTOCOL))
                    .orElse(false);
            return pgp && hasLineStartingWithPgpArmor(lookAhead(body))
                    ? Optional.of("already protected: Content-Type is multipart/encrypted")
                    : Optional.empty();
        }
        if (type.startsWith("text/") && startsWithPgpArmor(lookAhead(body))) {
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

    /** Whether the Content-Type name or the Content-Disposition filename ends in .p7m. */
    private static boolean isNamedP7m(HeaderSection headers, ParameterizedValue contentType) {
        Optional<String> filename = headers.first("Content-Disposition")
                .flatMap(field -> ParameterizedValue.parse(field.value()))
                .flatMap(v -> v.parameter("filename"));
        return List.of(contentType.parameter("name"), filename).stream()
                .flatMap(Optional::stream)
                .anyMatch(name -> name.strip().toLowerCase(Locale.ROOT).endsWith(".p7m"));
    }

    private static boolean bodyStartsEncryptedCms(HeaderSection headers, InputStream body) throws SmimeException {
        boolean base64 = headers.first("Content-Transfer-Encoding")
                .flatMap(field -> ParameterizedValue.parse(field.value()))
                .map(encoding -> encoding.value().equals("base64"))
                .orElse(false);
        return EncryptedCmsPrefix.startsEncryptedContentInfo(lookAhead(body), base64);
    }

    private static byte[] lookAhead(InputStream body) throws SmimeException {
        try {
            body.mark(BODY_LOOKAHEAD);
            byte[] start = body.readNBytes(BODY_LOOKAHEAD);
            body.reset();
            return start;
        } catch (IOException e) {
            throw SmimeException.fromIo("cannot read the message", e);
        }
    }

    private static boolean startsWithPgpArmor(byte[] start) {
        int i = 0;
        while (i < start.length && isWhitespace(start[i])) {
            i++;
        }
        return startsWithAt(start, i, PGP_ARMOR);
    }

    private static boolean hasLineStartingWithPgpArmor(byte[] start) {
        for (int i = 0; i < start.length; i++) {
            if ((i == 0 || start[i - 1] == '\n') && startsWithAt(start, i, PGP_ARMOR)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAt(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length - offset >= prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
