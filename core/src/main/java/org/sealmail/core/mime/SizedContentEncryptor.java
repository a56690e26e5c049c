package org.sealmail.core.mime;

import java.io.InputStream;
import java.io.OutputStream;
import org.sealmail.core.SmimeException;

/** Turns an entity of known length into a DER-encoded CMS ContentInfo with definite lengths. */
@FunctionalInterface
public interface SizedContentEncryptor {

    void encrypt(InputStream entity, long entityLength, OutputStream der) throws SmimeException;
}
