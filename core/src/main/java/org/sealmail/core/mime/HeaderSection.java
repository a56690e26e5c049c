package org.sealmail.core.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * A message's header section as read: the mbox envelope line before it if there was one, its
 * fields in order and the empty line that ended it.
 */
public final class HeaderSection {

    private final byte[] envelopeLine;
    private final List<HeaderField> fields;
    private final LineEnding lineEnding;
    private final byte[] terminator;

    /**
     * @param envelopeLine the mbox "From " line as read, line ending included, or no bytes
     * @param terminator the empty line that ended the section as read ({@code CRLF} or {@code LF}),
     *     or no bytes when the input ended inside the header section
     */
    HeaderSection(byte[] envelopeLine, List<HeaderField> fields, LineEnding lineEnding, byte[] terminator) {
        this.envelopeLine = envelopeLine.clone();
        this.fields = List.copyOf(fields);
        this.lineEnding = lineEnding;
        this.terminator = terminator.clone();
    }

    /** All fields, in the order they appeared. */
    public List<HeaderField> fields() {
        return fields;
    }

    /** Whether an mbox envelope line ("From sender date") came before the first field. */
    public boolean hasEnvelopeLine() {
        return envelopeLine.length > 0;
    }

    /**
     * Writes the mbox envelope line exactly as read, its own line ending included, or nothing
     * when there was none. Every message written from this one starts with it.
     */
    public void writeEnvelopeLineTo(OutputStream out) throws IOException {
        out.write(envelopeLine);
    }

    /** The line ending of the section's first field (CRLF when there was none). */
    public LineEnding lineEnding() {
        return lineEnding;
    }

    /** The first field with this name (case-insensitive). */
    public Optional<HeaderField> first(String name) {
        return fields.stream().filter(f -> f.isNamed(name)).findFirst();
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** Writes the section back exactly as it was read, envelope line and ending empty line included. */
    public void writeTo(OutputStream out) throws IOException {
        writeEnvelopeLineTo(out);
        for (HeaderField field : fields) {
            field.writeTo(out);
        }
        out.write(terminator);
    }
}
