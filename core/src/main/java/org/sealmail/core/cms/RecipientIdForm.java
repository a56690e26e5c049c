package org.sealmail.core.cms;

import java.util.Locale;
import org.sealmail.core.SmimeException;

/** How a recipient info names the recipient's certificate (RFC 5652 6.2.1, 6.2.2). */
public enum RecipientIdForm {
    /** IssuerAndSerialNumber: what every client reads; the default. */
    ISSUER_SERIAL("issuer-serial"),
    /** The certificate's subject key identifier extension. */
    SUBJECT_KEY_IDENTIFIER("ski");

    private final String cliName;

    RecipientIdForm(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** "issuer-serial" or "ski" (case does not matter). */
    public static RecipientIdForm byName(String name) throws SmimeException {
        for (RecipientIdForm form : values()) {
            if (form.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return form;
            }
        }
        throw SmimeException.unsupported("unknown recipient identifier form \"" + name
                + "\"; choose issuer-serial or ski");
    }
}
