package org.sealmail.core.mime;

import java.io.InputStream;
import java.io.OutputStream;
import org.sealmail.core.SmimeException;

/** Turns an entity's bytes into a DER-encoded CMS ContentInfo. */
@FunctionalInterface
public interface ContentEncryptor {

    void encrypt(InputStream entity, OutputStream der) throws SmimeException;
}
