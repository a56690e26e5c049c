package org.sealmail.core.cms;

import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Tag;
import org.sealmail.core.x509.RecipientCertificate;

/** Encodes how a recipient info names its certificate. */
final class RecipientIds {

    private RecipientIds() {
    }

    /** KeyTransRecipientInfo's rid: IssuerAndSerialNumber, or [0] IMPLICIT SubjectKeyIdentifier. */
    static byte[] keyTransportId(RecipientCertificate recipient, RecipientIdForm form) throws SmimeException {
        if (form == RecipientIdForm.ISSUER_SERIAL) {
            return issuerAndSerial(recipient);
        }
        return new DerWriter().addPrimitive(Tag.context(0), ski(recipient)).toByteArray();
    }

    /** KeyAgreeRecipientIdentifier: IssuerAndSerialNumber, or [0] IMPLICIT RecipientKeyIdentifier { ski }. */
    static byte[] keyAgreeId(RecipientCertificate recipient, RecipientIdForm form) throws SmimeException {
        if (form == RecipientIdForm.ISSUER_SERIAL) {
            return issuerAndSerial(recipient);
        }
        byte[] ski = ski(recipient);
        return new DerWriter()
                .addConstructed(Tag.context(0) | Tag.CONSTRUCTED_BIT, keyId -> keyId.addOctetString(ski))
                .toByteArray();
    }

    /** The version a key transport recipient info has with this form of rid (RFC 5652 6.2.1). */
    static int keyTransportVersion(RecipientIdForm form) {
        return form == RecipientIdForm.ISSUER_SERIAL ? 0 : 2;
    }

    private static byte[] issuerAndSerial(RecipientCertificate recipient) {
        return new DerWriter().addSequence(issuerAndSerialNumber -> issuerAndSerialNumber
                .addEncoded(recipient.issuerDer())
                .addInteger(recipient.serialNumber())).toByteArray();
    }

    private static byte[] ski(RecipientCertificate recipient) throws SmimeException {
        byte[] ski = recipient.subjectKeyIdentifier();
        if (ski == null) {
            throw SmimeException.badInput(missingSki(recipient));
        }
        return ski;
    }

    /** Why {@code recipient} cannot be named by subject key identifier. */
    static String missingSki(RecipientCertificate recipient) {
        return "certificate \"" + recipient.subject() + "\" has no subject key identifier;"
                + " name it by issuer and serial (--rid issuer-serial)";
    }
}
