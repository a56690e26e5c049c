package org.sealmail.core.x509;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import org.sealmail.core.Escaping;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;

/**
 * A certificate accepted as an encryption recipient: its key is RSA of at least 2048 bits whose
 * key usage, if any, allows key encipherment, or EC (P-256, P-384, P-521), X25519 or X448 whose
 * key usage, if any, allows key agreement. Made only by {@link CertificateBundle}.
 *
 * <p>{@link #describe()} gives one line per certificate, fields separated by single spaces:
 * <pre>
 * subject="emailAddress=alice2048@example.org,CN=Alice RSA 2048" serial=1000 key=RSA-2048 not-after=2046-11-29
 * </pre>
 * <ul>
 * <li>{@code subject}: the subject in RFC 2253 form (for ASCII names the same text as
 *     {@code openssl x509 -nameopt RFC2253} prints, emailAddress included), in double quotes;
 *     inside them a backslash or double quote is preceded by a backslash, control characters
 *     are written {@code \xHH} and the Unicode line and paragraph separators as a backslash,
 *     {@code u} and four hex digits, so the line never breaks.</li>
 * <li>{@code serial}: lowercase hex, two digits per byte, as {@code openssl x509 -serial} prints it
 *     apart from case (a negative serial, which no conforming CA issues, gets a leading '-').</li>
 * <li>{@code key}: algorithm and size or curve: {@code RSA-2048}, {@code EC-P-256}, {@code X25519}.</li>
 * <li>{@code not-after}: the UTC date the certificate expires, ISO 8601.</li>
 * </ul>
 */
public final class RecipientCertificate {

    private static final String SKI_EXTENSION = "2.5.29.14";

    private final X509Certificate certificate;
    private final PublicKey publicKey;
    private final EcCurve curve;

    /** @param curve the curve of an EC key, else null */
    RecipientCertificate(X509Certificate certificate, PublicKey publicKey, EcCurve curve) {
        this.certificate = certificate;
        this.publicKey = publicKey;
        this.curve = curve;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The recipient's public key: what the content key is encrypted to, or agreed with. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The curve of an EC key; null for other keys. */
    public EcCurve ecCurve() {
        return curve;
    }

    /** The key identifier of the subject key identifier extension, or null when the certificate has none. */
    public byte[] subjectKeyIdentifier() {
        return subjectKeyIdentifierOf(certificate);
    }

    /** The key identifier of {@code certificate}'s subject key identifier extension, or null. */
    public static byte[] subjectKeyIdentifierOf(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(SKI_EXTENSION);
        if (extension == null) {
            return null;
        }
        try {
            // The extension value is an OCTET STRING holding the KeyIdentifier OCTET STRING.
            byte[] inner = BerReader.of(extension).readOctetString();
            return BerReader.of(inner).readOctetString();
        } catch (SmimeException e) {
            return null;
        }
    }

    /** The DER of the issuer name, for a CMS IssuerAndSerialNumber. */
    public byte[] issuerDer() {
        return certificate.getIssuerX500Principal().getEncoded();
    }

    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    /** The subject in RFC 2253 form, e.g. {@code emailAddress=alice@example.org,CN=Alice}. */
    public String subject() {
        return subjectOf(certificate);
    }

    /** {@code RSA 2048}, {@code EC P-256}, {@code X25519}. */
    public String keyDescription() {
        if (publicKey instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (curve != null) {
            return "EC " + curve.displayName();
        }
        return RecipientRules.keyName(publicKey);
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** The line {@code sealmail certs} prints; format in the class description. */
    public String describe() {
        return "subject=\"" + Escaping.escape(subject()) + "\""
                + " serial=" + CertificateNames.serialHex(serialNumber())
                + " key=" + keyDescription().replace(' ', '-')
                + " not-after=" + notAfter().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public String toString() {
        return describe();
    }

    static String subjectOf(X509Certificate certificate) {
        return CertificateNames.distinguishedName(certificate.getSubjectX500Principal());
    }
}
