package org.sealmail.core;

/**
 * How much hostile input sealmail reads before refusing it: every cap in one place, with
 * defaults far above what real mail, certificates and key files need. Immutable; change one
 * with a {@code with...} method and pass the result to the overload of the parser that takes
 * {@code Limits} (the other overloads use {@link #DEFAULT}). A refusal names the limit, e.g.
 * "header section has more than 10000 fields (limit max-header-fields)".
 */
public final class Limits {

    /** Nesting of ASN.1 elements; CMS and PKCS#12 need about 10. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    /** Recipients of one message; each may cost an RSA operation per key. */
    public static final int DEFAULT_MAX_RECIPIENTS = 256;
    /** Certificates in one bundle (one file, or an account). */
    public static final int DEFAULT_MAX_CERTIFICATES = 100;
    /** The header section of a message, ending empty line included. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 1 << 20;
    /** Header fields in one header section. */
    public static final int DEFAULT_MAX_HEADER_FIELDS = 10_000;
    /** A message or CMS object read whole into memory ({@code decrypt}, {@code inspect}). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;
    /** A certificate or key file. */
    public static final int DEFAULT_MAX_KEY_FILE_BYTES = 16 << 20;
    /** Iterations of one password-based key derivation (OpenSSL writes 2,048); about a second of work. */
    public static final int DEFAULT_MAX_ITERATIONS = 2_000_000;

    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_RECIPIENTS,
            DEFAULT_MAX_CERTIFICATES, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_HEADER_FIELDS, DEFAULT_MAX_MESSAGE_BYTES,
            DEFAULT_MAX_KEY_FILE_BYTES, DEFAULT_MAX_ITERATIONS);

    private final int maxNestingDepth;
    private final int maxRecipients;
    private final int maxCertificates;
    private final int maxHeaderBytes;
    private final int maxHeaderFields;
    private final int maxMessageBytes;
    private final int maxKeyFileBytes;
    private final int maxIterations;

    private Limits(int maxNestingDepth, int maxRecipients, int maxCertificates, int maxHeaderBytes,
            int maxHeaderFields, int maxMessageBytes, int maxKeyFileBytes, int maxIterations) {
        this.maxNestingDepth = positive(maxNestingDepth, "max-nesting-depth");
        this.maxRecipients = positive(maxRecipients, "max-recipients");
        this.maxCertificates = positive(maxCertificates, "max-certificates");
        this.maxHeaderBytes = positive(maxHeaderBytes, "max-header-bytes");
        this.maxHeaderFields = positive(maxHeaderFields, "max-header-fields");
        this.maxMessageBytes = positive(maxMessageBytes, "max-message-bytes");
        this.maxKeyFileBytes = positive(maxKeyFileBytes, "max-key-file-bytes");
        this.maxIterations = positive(maxIterations, "max-iterations");
    }

    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    public int maxRecipients() {
        return maxRecipients;
    }

    public int maxCertificates() {
        return maxCertificates;
    }

    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    public int maxHeaderFields() {
        return maxHeaderFields;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public int maxKeyFileBytes() {
        return maxKeyFileBytes;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public Limits withMaxNestingDepth(int value) {
        return new Limits(value, maxRecipients, maxCertificates, maxHeaderBytes, maxHeaderFields,
                maxMessageBytes, maxKeyFileBytes, maxIterations);
    }

    public Limits withMaxRecipients(int value) {
        return new Limits(maxNestingDepth, value, maxCertificates, maxHeaderBytes, maxHeaderFields,
                maxMessageBytes, maxKeyFileBytes, maxIterations);
    }

    public Limits withMaxCertificates(int value) {
        return new Limits(maxNestingDepth, maxRecipients, value, maxHeaderBytes, maxHeaderFields,
                maxMessageBytes, maxKeyFileBytes, maxIterations);
    }

    public Limits withMaxHeaderBytes(int value) {
        return new Limits(maxNestingDepth, maxRecipients, maxCertificates, value, maxHeaderFields,
                maxMessageBytes, maxKeyFileBytes, maxIterations);
    }

    public Limits withMaxHeaderFields(int value) {
        return new Limits(maxNestingDepth, maxRecipients, maxCertificates, maxHeaderBytes, value,
                maxMessageBytes, maxKeyFileBytes, maxIterations);
    }

    public Limits withMaxMessageBytes(int value) {
        return new Limits(maxNestingDepth, maxRecipients, maxCertificates, maxHeaderBytes, maxHeaderFields,
                value, maxKeyFileBytes, maxIterations);
    }

    public Limits withMaxKeyFileBytes(int value) {
        return new Limits(maxNestingDepth, maxRecipients, maxCertificates, maxHeaderBytes, maxHeaderFields,
                maxMessageBytes, value, maxIterations);
    }

    public Limits withMaxIterations(int value) {
        return new Limits(maxNestingDepth, maxRecipients, maxCertificates, maxHeaderBytes, maxHeaderFields,
                maxMessageBytes, maxKeyFileBytes, value);
    }

    /** "larger than 64 MiB (limit max-message-bytes)": how a size refusal ends, naming the limit. */
    public static String largerThan(long bytes, String limitName) {
        String size = bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
        return "larger than " + size + " (limit " + limitName + ")";
    }

    private static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
