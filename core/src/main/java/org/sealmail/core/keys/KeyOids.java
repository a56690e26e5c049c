package org.sealmail.core.keys;

/**
 * Object identifiers of PKCS#12, PKCS#5 and private key formats that only this package reads
 * (the ones CMS shares, such as id-data and rsaEncryption, are in {@link org.sealmail.core.asn1.Oids}).
 */
final class KeyOids {

    // CMS content type (RFC 5652)
    static final String ENCRYPTED_DATA = "1.2.840.113549.1.7.6";

    // PKCS#12 bag types (RFC 7292 section 4.2)
    static final String KEY_BAG = "1.2.840.113549.1.12.10.1.1";
    static final String PKCS8_SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
    static final String CERT_BAG = "1.2.840.113549.1.12.10.1.3";
    static final String SAFE_CONTENTS_BAG = "1.2.840.113549.1.12.10.1.6";
    static final String X509_CERTIFICATE = "1.2.840.113549.1.9.22.1";
    static final String LOCAL_KEY_ID = "1.2.840.113549.1.9.21";

    // PKCS#12 password-based encryption (RFC 7292 appendix C)
    static final String PBE_SHA1_3DES = "1.2.840.113549.1.12.1.3";
    static final String PBE_SHA1_RC2_128 = "1.2.840.113549.1.12.1.5";
    static final String PBE_SHA1_RC2_40 = "1.2.840.113549.1.12.1.6";

    // PKCS#5 v2 (RFC 8018)
    static final String PBES2 = "1.2.840.113549.1.5.13";
    static final String PBKDF2 = "1.2.840.113549.1.5.12";
    static final String PBMAC1 = "1.2.840.113549.1.5.14";
    static final String HMAC_SHA1 = "1.2.840.113549.2.7";
    static final String HMAC_SHA224 = "1.2.840.113549.2.8";
    static final String HMAC_SHA256 = "1.2.840.113549.2.9";
    static final String HMAC_SHA384 = "1.2.840.113549.2.10";
    static final String HMAC_SHA512 = "1.2.840.113549.2.11";
    static final String AES192_CBC = "2.16.840.1.101.3.4.1.22";
    static final String DES_EDE3_CBC = "1.2.840.113549.3.7";

    // Digests of the PKCS#12 MAC
    static final String SHA1 = "1.3.14.3.2.26";
    static final String SHA224 = "2.16.840.1.101.3.4.2.4";
    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    static final String SHA384 = "2.16.840.1.101.3.4.2.2";
    static final String SHA512 = "2.16.840.1.101.3.4.2.3";

    // Private key algorithms
    static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    static final String DSA = "1.2.840.10040.4.1";
    static final String X25519 = "1.3.101.110";
    static final String X448 = "1.3.101.111";
    static final String ED25519 = "1.3.101.112";
    static final String ED448 = "1.3.101.113";

    // Named curves (RFC 5480)
    static final String P256 = "1.2.840.10045.3.1.7";
    static final String P384 = "1.3.132.0.34";
    static final String P521 = "1.3.132.0.35";

    private KeyOids() {
    }
}
