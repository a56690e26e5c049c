package org.sealmail.core.cms;

import java.io.IOException;
import org.sealmail.core.SmimeException;

/** Turns I/O failures into the caller's exception, keeping a reason that came from below. */
final class Failures {

    private Failures() {
    }

    static SmimeException ioError(String what, IOException e) {
        if (e.getCause() instanceof SmimeException reason) {
            return reason;
        }
        return new SmimeException(SmimeException.Reason.IO, what + ": " + e.getMessage(), e);
    }
}
