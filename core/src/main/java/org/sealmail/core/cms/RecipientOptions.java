package org.sealmail.core.cms;

import java.util.Objects;

/**
 * The choices a caller makes about recipient infos; the algorithm for each certificate follows
 * from its key.
 *
 * @param oaep   RSA keys get RSAES-OAEP (SHA-256, MGF1-SHA-256) instead of PKCS#1 v1.5
 * @param idForm how each recipient info names its certificate
 */
public record RecipientOptions(boolean oaep, RecipientIdForm idForm) {

    /** PKCS#1 v1.5 for RSA, issuer and serial number: what every client opens. */
    public static final RecipientOptions DEFAULT = new RecipientOptions(false, RecipientIdForm.ISSUER_SERIAL);

    public RecipientOptions {
        Objects.requireNonNull(idForm, "idForm");
    }
}
