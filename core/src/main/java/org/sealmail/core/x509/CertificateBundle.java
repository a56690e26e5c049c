package org.sealmail.core.x509;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.sealmail.core.Escaping;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.pem.PemBlock;
import org.sealmail.core.pem.PemReader;

/**
 * The certificates a message is encrypted to, e.g. an account's old and new certificate during a
 * key rotation. Every certificate is checked before any is used: one unusable certificate refuses
 * the whole bundle, so a message is never encrypted to fewer recipients than were given.
 *
 * <p>Input is DER (exactly one certificate, detected by a first byte 0x30) or strict PEM
 * ({@link PemReader}) with one or more {@code CERTIFICATE} blocks. Other blocks, such as
 * {@code X509 CRL} or {@code PUBLIC KEY}, are ignored. {@code X509 CERTIFICATE} and
 * {@code TRUSTED CERTIFICATE} blocks are refused rather than ignored: they hold certificates the
 * user meant as recipients, and dropping them silently would drop a recipient. A private key or
 * an OpenPGP key anywhere in the input refuses it, whatever else it holds.
 *
 * <p>A certificate outside its validity period is accepted with a warning: refusing it would
 * bounce or lose mail, and expiry says nothing about whether the key still decrypts.
 */
public final class CertificateBundle {

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final List<String> UNSUPPORTED_CERTIFICATE_LABELS =
            List.of("X509 CERTIFICATE", "TRUSTED CERTIFICATE");
    private static final String OPENPGP = "OpenPGP keys are not supported; give an X.509 certificate";

    private final List<RecipientCertificate> certificates;
    private final List<String> warnings;

    private CertificateBundle(List<RecipientCertificate> certificates, List<String> warnings) {
        this.certificates = List.copyOf(certificates);
        this.warnings = List.copyOf(warnings);
    }

    /** Parses and checks {@code input}, judging validity periods by the system clock. */
    public static CertificateBundle parse(byte[] input) throws SmimeException {
        return parse(input, Instant.now());
    }

    /** Parses and checks {@code input}, judging validity periods at {@code now}. */
    public static CertificateBundle parse(byte[] input, Instant now) throws SmimeException {
        return parse(input, now, Limits.DEFAULT);
    }

    /** The same, within {@code limits} (the number of certificates). */
    public static CertificateBundle parse(byte[] input, Instant now, Limits limits) throws SmimeException {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(limits, "limits");
        List<X509Certificate> found = isDer(input) ? List.of(fromDer(input)) : fromPem(input, limits);
        return checked(found, now);
    }

    /** Checks certificates already decoded (e.g. from an account file or a PKCS#12 file). */
    public static CertificateBundle of(List<X509Certificate> certificates) throws SmimeException {
        return checked(List.copyOf(certificates), Instant.now());
    }

    /** Bundles already checked, one after the other (e.g. one per file given); nothing is checked again. */
    public static CertificateBundle join(List<CertificateBundle> bundles) {
        List<RecipientCertificate> certificates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (CertificateBundle bundle : bundles) {
            certificates.addAll(bundle.certificates);
            warnings.addAll(bundle.warnings);
        }
        return new CertificateBundle(certificates, warnings);
    }

    /** The certificates in input order. */
    public List<RecipientCertificate> certificates() {
        return certificates;
    }

    /** One line per certificate that is accepted but deserves attention (expired, not yet valid). */
    public List<String> warnings() {
        return warnings;
    }

    private static boolean isDer(byte[] input) {
        return input.length > 0 && input[0] == 0x30 && !PemReader.looksLikePem(input);
    }

    private static X509Certificate fromDer(byte[] input) throws SmimeException {
        return CertificateDecoder.decodeOne(input, "DER input: ",
                "a DER file holds exactly one certificate; give several as PEM");
    }

    private static List<X509Certificate> fromPem(byte[] input, Limits limits) throws SmimeException {
        List<String> labels = PemReader.beginLabels(input);
        refusePrivateKeysAndOpenPgp(labels);
        long certificates = labels.stream().filter(CERTIFICATE::equals).count();
        if (certificates > limits.maxCertificates()) {
            // Each certificate costs a decoding and checks: count before doing any.
            throw SmimeException.badInput(certificates + " certificates: more than " + limits.maxCertificates()
                    + " in one bundle " + Limits.Limit.CERTIFICATES.named());
        }
        if (isBlank(input)) {
            throw SmimeException.badInput("no certificate found: the input is empty");
        }
        if (labels.isEmpty()) {
            throw SmimeException.badInput(isBinaryOpenPgpKey(input) ? OPENPGP
                    : "no certificate found: the input is neither PEM nor DER");
        }
        List<X509Certificate> found = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (PemBlock block : PemReader.read(input)) {
            String where = "block " + block.number() + ": ";
            if (block.label().equals(CERTIFICATE)) {
                found.add(CertificateDecoder.decodeOne(block.der(), where,
                        "a CERTIFICATE block holds exactly one certificate"));
            } else if (UNSUPPORTED_CERTIFICATE_LABELS.contains(block.label())) {
                throw SmimeException.badInput("block " + block.number() + " (" + block.label()
                        + "): only CERTIFICATE blocks are accepted; convert it with \"openssl x509\"");
            } else {
                ignored.add(block.label());
            }
        }
        if (found.isEmpty()) {
            throw SmimeException.badInput("no certificate found: the input holds only " + String.join(", ", ignored));
        }
        return found;
    }

    /** Checked on the BEGIN lines alone, so this message wins over any armor error in the same input. */
    private static void refusePrivateKeysAndOpenPgp(List<String> labels) throws SmimeException {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).contains("PRIVATE KEY")) {
                throw SmimeException.badInput(named(i, labels.get(i))
                        + "private keys cannot be used as public keys; give the certificate");
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).startsWith("PGP ")) {
                throw SmimeException.badInput(named(i, labels.get(i)) + OPENPGP);
            }
        }
    }

    private static String named(int index, String label) {
        return "block " + (index + 1) + " (" + Escaping.escape(label) + "): ";
    }

    private static CertificateBundle checked(List<X509Certificate> found, Instant now) throws SmimeException {
        List<RecipientCertificate> accepted = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            X509Certificate certificate = found.get(i);
            String subject = RecipientCertificate.subjectOf(certificate);
            String who = "certificate " + (i + 1) + " of " + found.size() + " ("
                    + (subject.isEmpty() ? "no subject" : Escaping.escape(subject)) + "): ";
            String refusal = RecipientRules.refusal(certificate);
            if (refusal != null) {
                throw SmimeException.badInput(who + refusal);
            }
            String warning = RecipientRules.validityWarning(certificate, now);
            if (warning != null) {
                warnings.add(who + warning);
            }
            accepted.add(new RecipientCertificate(certificate, certificate.getPublicKey(), curveOf(certificate)));
        }
        return new CertificateBundle(accepted, warnings);
    }

    /** The curve of an accepted EC key, else null. */
    private static EcCurve curveOf(X509Certificate certificate) throws SmimeException {
        if (!"EC".equals(certificate.getPublicKey().getAlgorithm())) {
            return null;
        }
        return EcCurve.forOid(EcCurve.namedCurveOid(certificate.getPublicKey()));
    }

    private static boolean isBlank(byte[] input) {
        for (byte b : input) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The first packet of an exported OpenPGP key (binary, not armored): a public or secret key packet. */
    private static boolean isBinaryOpenPgpKey(byte[] input) {
        int first = input[0] & 0xff;
        if ((first & 0x80) == 0) {
            return false;
        }
        int tag = (first & 0x40) != 0 ? first & 0x3f : (first >> 2) & 0x0f;
        return tag == 5 || tag == 6;
    }
}
