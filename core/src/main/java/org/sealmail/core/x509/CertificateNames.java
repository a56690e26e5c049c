package org.sealmail.core.x509;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/** Names and serial numbers as sealmail prints them everywhere: the way OpenSSL users know them. */
public final class CertificateNames {

    /** The JDK leaves emailAddress as a dotted OID; OpenSSL calls it by name. */
    private static final Map<String, String> OPENSSL_KEYWORDS = Map.of("1.2.840.113549.1.9.1", "emailAddress");

    private CertificateNames() {
    }

    /** RFC 2253 form, e.g. {@code emailAddress=alice@example.org,CN=Alice}. */
    public static String distinguishedName(X500Principal name) {
        return name.getName(X500Principal.RFC2253, OPENSSL_KEYWORDS);
    }

    /** Lower-case hex, two digits a byte, as {@code openssl x509 -serial} shows it. */
    public static String serialHex(BigInteger serial) {
        // HexFormat, not toString(16): a hostile 1 MiB serial takes seconds in toString, milliseconds here.
        byte[] magnitude = serial.abs().toByteArray();
        int start = 0;
        while (start < magnitude.length - 1 && magnitude[start] == 0) {
            start++;
        }
        String hex = HexFormat.of().formatHex(magnitude, start, magnitude.length);
        return serial.signum() < 0 ? "-" + hex : hex;
    }
}
