package org.sealmail.core.asn1;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes each block it is given as one definite-length OCTET STRING: the chunks of a BER
 * constructed string. Closing it does not close the stream below.
 */
final class OctetStringChunks extends FilterOutputStream {

    OctetStringChunks(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            // An empty chunk is legal BER, but says nothing.
            return;
        }
        out.write(DerWriter.header(Tag.OCTET_STRING, len));
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
