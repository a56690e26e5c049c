package org.sealmail.core.mime;

import static org.sealmail.core.mime.Mail.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.sealmail.core.SmimeException;

/**
 * Stands in for the CMS layer: keeps the entity it was given and writes a reversible
 * scramble of it (every byte XOR 0xA5, then two trailer bytes), so the DER differs from the
 * entity yet tests know exactly what was produced.
 */
final class RecordingEncryptor implements ContentEncryptor {

    private byte[] entity;
    private byte[] produced;
    private int calls;

    @Override
    public void encrypt(InputStream in, OutputStream der) throws SmimeException {
        calls++;
        try {
            entity = in.readAllBytes();
            in.close();
            produced = new byte[entity.length + 2];
            for (int i = 0; i < entity.length; i++) {
                produced[i] = (byte) (entity[i] ^ 0xA5);
            }
            produced[entity.length] = (byte) 0xFF;
            produced[entity.length + 1] = 0x00;
            der.write(produced);
            der.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String entity() {
        return text(entity);
    }

    byte[] entityBytes() {
        return entity.clone();
    }

    byte[] produced() {
        return produced.clone();
    }

    int calls() {
        return calls;
    }
}
