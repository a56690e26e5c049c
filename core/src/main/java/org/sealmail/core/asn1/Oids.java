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
    /** Public key algorithms of key agreement originators: RFC 5480, RFC 8410. */
    public static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    public static final String X25519 = "1.3.101.110";
    public static final String X448 = "1.3.101.111";
    /** AES key wrap, RFC 3394 / RFC 3565. */
    public static final String AES128_WRAP = "2.16.840.1.101.3.4.1.5";
    public static final String AES192_WRAP = "2.16.840.1.101.3.4.1.25";
    public static final String AES256_WRAP = "2.16.840.1.101.3.4.1.45";
    /** Key agreement schemes with the ANSI X9.63 KDF, RFC 5753 section 7.1.4 (SEC 1). */
    public static final String ECDH_STD_SHA1_KDF = "1.3.133.16.840.63.0.2";
    public static final String ECDH_STD_SHA224_KDF = "1.3.132.1.11.0";
    public static final String ECDH_STD_SHA256_KDF = "1.3.132.1.11.1";
    public static final String ECDH_STD_SHA384_KDF = "1.3.132.1.11.2";
    public static final String ECDH_STD_SHA512_KDF = "1.3.132.1.11.3";
    public static final String ECDH_COFACTOR_SHA1_KDF = "1.3.133.16.840.63.0.3";
    public static final String ECDH_COFACTOR_SHA224_KDF = "1.3.132.1.14.0";
    public static final String ECDH_COFACTOR_SHA256_KDF = "1.3.132.1.14.1";
    public static final String ECDH_COFACTOR_SHA384_KDF = "1.3.132.1.14.2";
    public static final String ECDH_COFACTOR_SHA512_KDF = "1.3.132.1.14.3";
    /** Key agreement schemes with HKDF, RFC 8418 section 2.2. */
    public static final String ECDH_STD_HKDF_SHA256 = "1.2.840.113549.1.9.16.3.19";
    public static final String ECDH_STD_HKDF_SHA384 = "1.2.840.113549.1.9.16.3.20";
    public static final String ECDH_STD_HKDF_SHA512 = "1.2.840.113549.1.9.16.3.21";
    /** AES-GCM, RFC 5084 section 3.2: only in AuthEnvelopedData. */
    public static final String AES128_GCM = "2.16.840.1.101.3.4.1.6";
    public static final String AES192_GCM = "2.16.840.1.101.3.4.1.26";
    public static final String AES256_GCM = "2.16.840.1.101.3.4.1.46";
    /** id-alg-AEADChaCha20Poly1305, RFC 8103 section 4. */
    public static final String CHACHA20_POLY1305 = "1.2.840.113549.1.9.16.3.18";
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
            Map.entry(EC_PUBLIC_KEY, "id-ecPublicKey"),
            Map.entry(X25519, "X25519"),
            Map.entry(X448, "X448"),
            Map.entry(AES128_WRAP, "aes128-wrap"),
            Map.entry(AES192_WRAP, "aes192-wrap"),
            Map.entry(AES256_WRAP, "aes256-wrap"),
            Map.entry(ECDH_STD_SHA1_KDF, "dhSinglePass-stdDH-sha1kdf-scheme"),
            Map.entry(ECDH_STD_SHA224_KDF, "dhSinglePass-stdDH-sha224kdf-scheme"),
            Map.entry(ECDH_STD_SHA256_KDF, "dhSinglePass-stdDH-sha256kdf-scheme"),
            Map.entry(ECDH_STD_SHA384_KDF, "dhSinglePass-stdDH-sha384kdf-scheme"),
            Map.entry(ECDH_STD_SHA512_KDF, "dhSinglePass-stdDH-sha512kdf-scheme"),
            Map.entry(ECDH_COFACTOR_SHA1_KDF, "dhSinglePass-cofactorDH-sha1kdf-scheme"),
            Map.entry(ECDH_COFACTOR_SHA224_KDF, "dhSinglePass-cofactorDH-sha224kdf-scheme"),
            Map.entry(ECDH_COFACTOR_SHA256_KDF, "dhSinglePass-cofactorDH-sha256kdf-scheme"),
            Map.entry(ECDH_COFACTOR_SHA384_KDF, "dhSinglePass-cofactorDH-sha384kdf-scheme"),
            Map.entry(ECDH_COFACTOR_SHA512_KDF, "dhSinglePass-cofactorDH-sha512kdf-scheme"),
            Map.entry(ECDH_STD_HKDF_SHA256, "dhSinglePass-stdDH-hkdf-sha256-scheme"),
            Map.entry(ECDH_STD_HKDF_SHA384, "dhSinglePass-stdDH-hkdf-sha384-scheme"),
            Map.entry(ECDH_STD_HKDF_SHA512, "dhSinglePass-stdDH-hkdf-sha512-scheme"),
            Map.entry(SHA1, "sha1"),
            Map.entry(SHA224, "sha224"),
            Map.entry(SHA256, "sha256"),
            Map.entry(SHA384, "sha384"),
            Map.entry(SHA512, "sha512"),
            Map.entry(AES128_CBC, "aes128-cbc"),
            Map.entry(AES192_CBC, "aes192-cbc"),
            Map.entry(AES256_CBC, "aes256-cbc"),
            Map.entry(DES_EDE3_CBC, "des-ede3-cbc"),
            Map.entry(AES128_GCM, "aes128-gcm"),
            Map.entry(AES192_GCM, "aes192-gcm"),
            Map.entry(AES256_GCM, "aes256-gcm"),
            Map.entry(CHACHA20_POLY1305, "chacha20-poly1305"));

    private Oids() {
    }

    /** A short name for the OIDs sealmail knows, else the dotted OID itself. */
    public static String name(String oid) {
        return NAMES.getOrDefault(oid, oid);
    }
}
