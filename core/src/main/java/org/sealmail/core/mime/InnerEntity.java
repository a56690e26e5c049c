package org.sealmail.core.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Locale;
import java.util.Set;

/**
 * The MIME entity that gets encrypted: the message's Content-* fields, an empty line and the
 * body, in canonical form (RFC 8551 3.1.1).
 */
final class InnerEntity {

    private static final Set<String> CONTENT_FIELDS = Set.of(
            "content-type",
            "content-transfer-encoding",
            "content-id",
            "content-description",
            "content-disposition",
            "content-language",
            "content-location");

    private InnerEntity() {
    }

    /** Whether a field describes the content, and so moves inside the encryption. */
    static boolean belongsInside(HeaderField field) {
        return CONTENT_FIELDS.contains(field.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The entity as a stream: the content fields with CRLF line endings, an empty line, then the
     * body with bare LFs made CRLF, unless the body is declared binary: then no byte of it changes.
     * Closing the returned stream does not close {@code body}.
     */
    static InputStream open(HeaderSection headers, InputStream body) throws IOException {
        InputStream rest = NonClosing.input(body);
        if (!hasBinaryBody(headers)) {
            rest = new LfToCrlfInputStream(rest);
        }
        return new SequenceInputStream(new ByteArrayInputStream(head(headers)), rest);
    }

    /** The length of what {@link #open} gives, reading {@code body} to its end (and not closing it). */
    static long length(HeaderSection headers, InputStream body) throws IOException {
        long bodyLength = hasBinaryBody(headers) ? body.transferTo(OutputStream.nullOutputStream())
                : LfToCrlfInputStream.canonicalLength(body);
        return head(headers).length + bodyLength;
    }

    /** The content fields in canonical form and the empty line after them. */
    private static byte[] head(HeaderSection headers) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (HeaderField field : headers.fields()) {
            if (belongsInside(field)) {
                field.writeCanonicalTo(head);
            }
        }
        head.write('\r');
        head.write('\n');
        return head.toByteArray();
    }

    static boolean hasBinaryBody(HeaderSection headers) {
        return headers.first("Content-Transfer-Encoding")
                .flatMap(field -> ParameterizedValue.parse(field.value()))
                .map(encoding -> encoding.value().equals("binary"))
                .orElse(false);
    }
}
