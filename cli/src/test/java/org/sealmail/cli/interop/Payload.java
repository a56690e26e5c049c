package org.sealmail.cli.interop;

/** Plaintexts for the DER tests. */
final class Payload {

    private Payload() {
    }

    /**
     * Every byte value 0..255, sixteen times over, then three more bytes: 4099 bytes, so the
     * last cipher block needs padding and any text-mode mangling (CR, LF, NUL, 0xFF) shows.
     */
    static byte[] allByteValues() {
        byte[] payload = new byte[16 * 256 + 3];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7 + i / 256);
        }
        return payload;
    }
}
