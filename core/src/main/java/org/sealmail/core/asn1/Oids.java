package org.sealmail.core.asn1;

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

    private Oids() {
    }
}
