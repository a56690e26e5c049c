package org.sealmail.core.cms;

import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.DerWriter;
import org.sealmail.core.asn1.Oids;
import org.sealmail.core.asn1.Tag;

/**
 * RSAES-OAEP-params (RFC 4055 section 4.1, RFC 8017 appendix A.2.1), as read from a message:
 * OIDs are kept as found so that a message with unusual ones can still be described.
 *
 * @param hashOid    the OAEP hash (default SHA-1)
 * @param mgfOid     the mask generation function (default MGF1)
 * @param mgfHashOid MGF1's hash (default SHA-1), or null when the MGF is not MGF1
 * @param label      the pSpecified label (default empty), or null when the source is not pSpecified
 */
record OaepParameters(String hashOid, String mgfOid, String mgfHashOid, byte[] label) {

    /** What sealmail writes: SHA-256, MGF1 with SHA-256, the empty label (RFC 8017's recommended choice for new uses). */
    static final OaepParameters SHA256 = new OaepParameters(Oids.SHA256, Oids.MGF1, Oids.SHA256, new byte[0]);

    private static final int HASH = Tag.context(0) | Tag.CONSTRUCTED_BIT;
    private static final int MASK_GEN = Tag.context(1) | Tag.CONSTRUCTED_BIT;
    private static final int P_SOURCE = Tag.context(2) | Tag.CONSTRUCTED_BIT;

    /** The parameters in {@code der}; null (absent) means all defaults, which RFC 8017 makes SHA-1. */
    static OaepParameters parse(byte[] der) throws SmimeException {
        if (der == null) {
            return new OaepParameters(Oids.SHA1, Oids.MGF1, Oids.SHA1, new byte[0]);
        }
        BerReader outer = BerReader.of(der);
        BerReader params = outer.readSequence();
        outer.expectEnd("RSAES-OAEP parameters");
        String hash = Oids.SHA1;
        String mgf = Oids.MGF1;
        String mgfHash = Oids.SHA1;
        byte[] label = new byte[0];
        BerReader explicit = params.readOptional(HASH);
        if (explicit != null) {
            hash = hashAlgorithm(explicit.readSequence());
            explicit.expectEnd("OAEP hash algorithm");
        }
        explicit = params.readOptional(MASK_GEN);
        if (explicit != null) {
            BerReader algorithm = explicit.readSequence();
            explicit.expectEnd("OAEP mask generation algorithm");
            mgf = algorithm.readOid();
            mgfHash = mgf.equals(Oids.MGF1) ? hashAlgorithm(algorithm.readSequence()) : null;
            if (mgfHash == null && !algorithm.isEmpty()) {
                algorithm.readAny();
            }
            algorithm.expectEnd("OAEP mask generation algorithm");
        }
        explicit = params.readOptional(P_SOURCE);
        if (explicit != null) {
            BerReader algorithm = explicit.readSequence();
            explicit.expectEnd("OAEP label source");
            String source = algorithm.readOid();
            label = source.equals(Oids.P_SPECIFIED) ? algorithm.readOctetString() : null;
            if (label == null && !algorithm.isEmpty()) {
                algorithm.readAny();
            }
            algorithm.expectEnd("OAEP label source");
        }
        params.expectEnd("RSAES-OAEP parameters");
        return new OaepParameters(hash, mgf, mgfHash, label);
    }

    /** A digest AlgorithmIdentifier: the OID, then NULL or nothing (RFC 4055 section 2.1 allows both). */
    private static String hashAlgorithm(BerReader algorithm) throws SmimeException {
        String oid = algorithm.readOid();
        if (!algorithm.isEmpty()) {
            algorithm.readNull();
        }
        algorithm.expectEnd("hash algorithm");
        return oid;
    }

    /** Why sealmail cannot decrypt with these parameters, or null when it can. */
    String unsupportedReason() {
        if (Digest.forOid(hashOid) == null) {
            return "RSAES-OAEP with hash " + Oids.name(hashOid) + " is not supported (sha1, sha224, sha256, sha384, sha512 are)";
        }
        if (!mgfOid.equals(Oids.MGF1)) {
            return "RSAES-OAEP with mask generation " + Oids.name(mgfOid) + " is not supported (only MGF1)";
        }
        if (Digest.forOid(mgfHashOid) == null) {
            return "RSAES-OAEP with MGF1 over " + Oids.name(mgfHashOid) + " is not supported";
        }
        if (label == null) {
            return "RSAES-OAEP with a label source other than pSpecified is not supported";
        }
        return null;
    }

    /** The JCE form; only for parameters without {@link #unsupportedReason()}. */
    OAEPParameterSpec spec() {
        return new OAEPParameterSpec(Digest.forOid(hashOid).jceName(), "MGF1",
                new MGF1ParameterSpec(Digest.forOid(mgfHashOid).jceName()), new PSource.PSpecified(label));
    }

    /** "sha256, mgf1-sha256". */
    String describe() {
        String mgf = mgfOid.equals(Oids.MGF1) ? "mgf1-" + Oids.name(mgfHashOid) : Oids.name(mgfOid);
        return Oids.name(hashOid) + ", " + mgf + (label != null && label.length > 0 ? ", with a label" : "");
    }

    /** The AlgorithmIdentifier id-RSAES-OAEP with these parameters, SHA-2 identifiers with NULL as RFC 4055 writes them. */
    void addAlgorithmIdentifier(DerWriter out) {
        out.addSequence(algorithm -> algorithm
                .addOid(Oids.RSAES_OAEP)
                .addSequence(params -> params
                        .addConstructed(HASH, explicit -> explicit
                                .addSequence(hash -> hash.addOid(hashOid).addNull()))
                        .addConstructed(MASK_GEN, explicit -> explicit
                                .addSequence(mgf -> mgf
                                        .addOid(mgfOid)
                                        .addSequence(hash -> hash.addOid(mgfHashOid).addNull())))));
    }
}
