package org.sealmail.core.cms;

import java.io.IOException;
import org.sealmail.core.SmimeException;

/** Turns I/O failures into the caller's exception, keeping a reason that came from below. */
final class Failures {

    private Failures() {
    }

    static SmimeException ioError(String what, IOException e) {
        return SmimeException.fromIo(what, e);
    }
}
