package org.sealmail.core.mime;

/** How the lines of a message's header section end. */
public enum LineEnding {
    CRLF,
    LF
}
