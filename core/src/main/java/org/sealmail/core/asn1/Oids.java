package org.sealmail.core.asn1;

import java.util.Map;

/** The object identifiers of CMS and S/MIME that sealmail writes or reads. */
public final class Oids {

    /** id-data, RFC 5652 section 4. */
    public static final String DATA = "1.2.840.113549.1.7.1";
    /** id-envelopedData, RFC 5652 section 6. */
    public static final String ENVELOPED_DATA = "1.2.840.113549.1.7.3";
    /** rsaEncryption, RFC 8017 appendix C: key transport with RSAES-PKCS1-v1_5. */
    public static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    /** aes128-CBC, RFC 3565. */
    public static final String AES128_CBC = "2.16.840.1.101.3.4.1.2";
    /** aes256-CBC, RFC 3565. */
    public static final String AES256_CBC = "2.16.840.1.101.3.4.1.42";

    /** aes192-CBC, RFC 3565. */
    public static final String AES192_CBC = "2.16.840.1.101.3.4.1.22";
    /** des-ede3-cbc, RFC 3370: only read, to open old archives. */
    public static final String DES_EDE3_CBC = "1.2.840.113549.3.7";
    /** id-RSAES-OAEP, RFC 8017. */
    public static final String RSAES_OAEP = "1.2.840.113549.1.1.7";
    /** id-mgf1, RFC 8017 appendix B.2.1. */
    public static final String MGF1 = "1.2.840.113549.1.1.8";
    /** id-pSpecified, RFC 8017: the OAEP label. */
    public static final String P_SPECIFIED = "1.2.840.113549.1.1.9";
    /** Digests, RFC 3370 and RFC 5754. */
    public static final String SHA1 = "1.3.14.3.2.26";
    public static final String SHA224 = "2.16.840.1.101.3.4.2.4";
    public static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    public static final String SHA384 = "2.16.840.1.101.3.4.2.2";
    public static final String SHA512 = "2.16.840.1.101.3.4.2.3";
    /** id-signedData, RFC 5652 section 5. */
    public static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    /** id-ct-authEnvelopedData, RFC 5083. */
    public static final String AUTH_ENVELOPED_DATA = "1.2.840.113549.1.9.16.1.23";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(DATA, "data"),
            Map.entry(ENVELOPED_DATA, "envelopedData"),
            Map.entry(SIGNED_DATA, "signedData"),
            Map.entry(AUTH_ENVELOPED_DATA, "authEnvelopedData"),
            Map.entry(RSA_ENCRYPTION, "rsaEncryption"),
            Map.entry(RSAES_OAEP, "RSAES-OAEP"),
            Map.entry(MGF1, "mgf1"),
            Map.entry(SHA1, "sha1"),
            Map.entry(SHA224, "sha224"),
            Map.entry(SHA256, "sha256"),
            Map.entry(SHA384, "sha384"),
            Map.entry(SHA512, "sha512"),
            Map.entry(AES128_CBC, "aes128-cbc"),
            Map.entry(AES192_CBC, "aes192-cbc"),
            Map.entry(AES256_CBC, "aes256-cbc"),
            Map.entry(DES_EDE3_CBC, "des-ede3-cbc"));

    private Oids() {
    }

    /** A short name for the OIDs sealmail knows, else the dotted OID itself. */
    public static String name(String oid) {
        return NAMES.getOrDefault(oid, oid);
    }
}
