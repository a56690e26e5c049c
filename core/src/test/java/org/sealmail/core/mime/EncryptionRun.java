package org.sealmail.core.mime;

import static org.sealmail.core.mime.Mail.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Base64;
import org.sealmail.core.SmimeException;

/** The output of one MessageEncryptor run, split at the end of its header section. */
final class EncryptionRun {

    final Outcome outcome;
    final byte[] output;
    final RecordingEncryptor encryptor;

    private EncryptionRun(Outcome outcome, byte[] output, RecordingEncryptor encryptor) {
        this.outcome = outcome;
        this.output = output;
        this.encryptor = encryptor;
    }

    static EncryptionRun run(byte[] message) throws SmimeException {
        return run(new ByteArrayInputStream(message));
    }

    static EncryptionRun run(InputStream message) throws SmimeException {
        RecordingEncryptor encryptor = new RecordingEncryptor();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Outcome outcome = new MessageEncryptor().encrypt(message, out, encryptor);
        return new EncryptionRun(outcome, out.toByteArray(), encryptor);
    }

    /** The outer header section, its ending empty line included. */
    String header() {
        String all = text(output);
        return all.substring(0, all.indexOf("\r\n\r\n") + 4);
    }

    /** The base64 lines after the outer header. */
    String body() {
        String all = text(output);
        return all.substring(all.indexOf("\r\n\r\n") + 4);
    }

    byte[] decodedBody() {
        return Base64.getMimeDecoder().decode(body());
    }
}
