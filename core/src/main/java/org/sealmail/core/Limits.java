package org.sealmail.core;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much hostile input sealmail reads before refusing it: every cap in one place, with
 * defaults far above what real mail, certificates and key files need. Immutable; change one
 * with a {@code with...} method and pass the result to the overload of the parser that takes
 * {@code Limits} (the other overloads use {@link #DEFAULT}). A refusal names the limit, e.g.
 * "header section has more than 10000 fields (limit max-header-fields)".
 */
public final class Limits {

    /** Each limit: the name refusals give and its default. */
    public enum Limit {
        /** Nesting of ASN.1 elements; CMS and PKCS#12 need about 10. */
        NESTING_DEPTH("max-nesting-depth", 64),
        /** Recipients of one message; each may cost an RSA operation per key. */
        RECIPIENTS("max-recipients", 256),
        /** Certificates in one bundle (one file, or an account). */
        CERTIFICATES("max-certificates", 100),
        /** The header section of a message, ending empty line included. */
        HEADER_BYTES("max-header-bytes", 1 << 20),
        /** Header fields in one header section. */
        HEADER_FIELDS("max-header-fields", 10_000),
        /**
         * One part of a CMS object read whole before its content streams: the recipient infos, an
         * algorithm's parameters. 256 recipients with RSA-16384 keys and long issuer names fit.
         */
        CMS_PART_BYTES("max-cms-part-bytes", 4 << 20),
        /** A certificate, key or password file. */
        KEY_FILE_BYTES("max-key-file-bytes", 16 << 20),
        /**
         * Iterations of one password-based key derivation (OpenSSL writes 2,048, the JDK 10,000), three
         * per file. A deliberate cost: 2,000,000 PBKDF2-HMAC-SHA256 iterations took about 4 s on a busy
         * 2-core test machine, HMAC-SHA1 more.
         */
        ITERATIONS("max-iterations", 2_000_000);

        private final String label;
        private final int defaultValue;

        Limit(String label, int defaultValue) {
            this.label = label;
            this.defaultValue = defaultValue;
        }

        /** The name refusals give, e.g. "max-header-fields". */
        public String label() {
            return label;
        }

        public int defaultValue() {
            return defaultValue;
        }

        /** "(limit max-header-fields)": how every refusal ends. */
        public String named() {
            return "(limit " + label + ")";
        }
    }

    public static final Limits DEFAULT = new Limits(defaults());

    private final Map<Limit, Integer> values;

    private Limits(Map<Limit, Integer> values) {
        this.values = values;
    }

    private static Map<Limit, Integer> defaults() {
        Map<Limit, Integer> values = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            values.put(limit, limit.defaultValue());
        }
        return values;
    }

    public int get(Limit limit) {
        return values.get(limit);
    }

    /** These limits with {@code limit} set to {@code value}, which must be positive. */
    public Limits with(Limit limit, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(limit.label() + " must be positive: " + value);
        }
        Map<Limit, Integer> changed = new EnumMap<>(values);
        changed.put(limit, value);
        return new Limits(changed);
    }

    public int maxNestingDepth() {
        return get(Limit.NESTING_DEPTH);
    }

    public int maxRecipients() {
        return get(Limit.RECIPIENTS);
    }

    public int maxCertificates() {
        return get(Limit.CERTIFICATES);
    }

    public int maxHeaderBytes() {
        return get(Limit.HEADER_BYTES);
    }

    public int maxHeaderFields() {
        return get(Limit.HEADER_FIELDS);
    }

    public int maxCmsPartBytes() {
        return get(Limit.CMS_PART_BYTES);
    }

    public int maxKeyFileBytes() {
        return get(Limit.KEY_FILE_BYTES);
    }

    public int maxIterations() {
        return get(Limit.ITERATIONS);
    }

    /** "larger than 4 MiB (limit max-cms-part-bytes)": how a size refusal ends. */
    public static String largerThan(long bytes, Limit limit) {
        String size = bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
        return "larger than " + size + " " + limit.named();
    }
}
