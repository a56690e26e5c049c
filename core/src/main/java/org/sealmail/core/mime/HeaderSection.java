package org.sealmail.core.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** A message's header section as read: its fields in order and the empty line that ended it. */
public final class HeaderSection {

    private final List<HeaderField> fields;
    private final LineEnding lineEnding;
    private final byte[] terminator;

    /**
     * @param terminator the empty line that ended the section as read ({@code CRLF} or {@code LF}),
     *     or no bytes when the input ended inside the header section
     */
    HeaderSection(List<HeaderField> fields, LineEnding lineEnding, byte[] terminator) {
        this.fields = List.copyOf(fields);
        this.lineEnding = lineEnding;
        this.terminator = terminator.clone();
    }

    /** All fields, in the order they appeared. */
    public List<HeaderField> fields() {
        return fields;
    }

    /** The line ending of the section's first line (CRLF when there was none). */
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

    /** Writes the section back exactly as it was read, ending empty line included. */
    public void writeTo(OutputStream out) throws IOException {
        for (HeaderField field : fields) {
            field.writeTo(out);
        }
        out.write(terminator);
    }
}
