package org.sealmail.core.mime;

import org.sealmail.core.cms.ContentCipher;

/** The smime-type parameter of the S/MIME entity (RFC 8551 3.2.2), by what the CMS object holds. */
public enum SmimeType {
    ENVELOPED_DATA("enveloped-data"),
    AUTH_ENVELOPED_DATA("authEnveloped-data");

    private final String parameter;

    SmimeType(String parameter) {
        this.parameter = parameter;
    }

    /** What a message encrypted with {@code cipher} is: AuthEnvelopedData for the authenticated ciphers. */
    public static SmimeType of(ContentCipher cipher) {
        return cipher.authenticated() ? AUTH_ENVELOPED_DATA : ENVELOPED_DATA;
    }

    /** "enveloped-data" or "authEnveloped-data", as written in Content-Type. */
    public String parameter() {
        return parameter;
    }
}
