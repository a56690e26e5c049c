package org.sealmail.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.core.Limits;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.pem.PemBlock;
import org.sealmail.core.pem.PemReader;

/**
 * Reads the private keys of a PEM file, and attaches to each the certificate in the same file
 * whose public key matches (as in what {@code openssl pkcs12 -nodes} writes).
 */
final class PemKeyFile {

    static final String TRADITIONAL_ENCRYPTION = "the private key is encrypted in OpenSSL's old PEM form"
            + " (Proc-Type: 4,ENCRYPTED), which is not supported; convert it to encrypted PKCS#8 with:"
            + " openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY.pem -out KEY-pkcs8.pem";

    private final Password password;
    private final IterationBudget budget;
    private final List<PrivateKey> keys = new ArrayList<>();
    private final List<X509Certificate> certificates = new ArrayList<>();

    private PemKeyFile(Password password, Limits limits) {
        this.password = password;
        this.budget = new IterationBudget(limits);
    }

    /** The keys in file order, each with its certificate or none; an empty list when there is no key. */
    static List<DecryptionKey> read(byte[] text, Password password, Limits limits) throws SmimeException {
        refuseWhatIsNotStrictPem(text);
        byte[] pem = OpenSslPemAnnotations.blankOut(text);
        try {
            PemKeyFile file = new PemKeyFile(password, limits);
            for (PemBlock block : PemReader.read(pem)) {
                file.add(block);
            }
            return file.decryptionKeys();
        } catch (PasswordMismatch e) {
            throw PasswordMismatch.wrongPassword("the encrypted private key", password);
        } finally {
            if (pem != text) {
                Arrays.fill(pem, (byte) 0);
            }
        }
    }

    /** Key files the strict reader would refuse with a message that does not help. */
    private static void refuseWhatIsNotStrictPem(byte[] text) throws SmimeException {
        for (String line : new String(text, StandardCharsets.ISO_8859_1).split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("Proc-Type:") && stripped.contains("ENCRYPTED")) {
                throw SmimeException.unsupported(TRADITIONAL_ENCRYPTION);
            }
        }
        if (PemReader.beginLabels(text).contains("PGP PRIVATE KEY BLOCK")) {
            throw SmimeException.unsupported("OpenPGP keys are not supported; give an X.509 private key"
                    + " (PKCS#12, or PEM with PRIVATE KEY)");
        }
    }

    private void add(PemBlock block) throws SmimeException, PasswordMismatch {
        try {
            switch (block.label()) {
                case "PRIVATE KEY" -> keys.add(PrivateKeyDecoder.pkcs8(block.der()));
                case "RSA PRIVATE KEY" -> keys.add(PrivateKeyDecoder.pkcs1(block.der()));
                case "ENCRYPTED PRIVATE KEY" -> keys.add(decryptKey(block.der()));
                case "EC PRIVATE KEY" -> keys.add(PrivateKeyDecoder.sec1(block.der()));
                case "CERTIFICATE" -> certificates.add(CertificateDecoder.decode(block.der(), "certificate"));
                default -> {
                    if (block.label().endsWith("PRIVATE KEY")) {
                        throw SmimeException.unsupported("block " + block.number() + ": \"" + block.label()
                                + "\" keys are not supported; give the key as PRIVATE KEY,"
                                + " RSA PRIVATE KEY, EC PRIVATE KEY or ENCRYPTED PRIVATE KEY");
                    }
                    // anything else (a CRL, a public key, parameters) is not ours to read
                }
            }
        } catch (SmimeException e) {
            throw Failures.located("block " + block.number(), e);
        } finally {
            if (block.label().endsWith("PRIVATE KEY")) {
                Arrays.fill(block.der(), (byte) 0);
            }
        }
    }

    private PrivateKey decryptKey(byte[] der) throws SmimeException, PasswordMismatch {
        byte[] pkcs8 = null;
        try {
            BerReader reader = BerReader.of(der);
            pkcs8 = EncryptedPrivateKeyInfo.decrypt(reader, password, budget);
            reader.expectEnd("encrypted private key");
            return PrivateKeyDecoder.pkcs8(pkcs8);
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    private List<DecryptionKey> decryptionKeys() {
        List<DecryptionKey> result = new ArrayList<>();
        for (PrivateKey key : keys) {
            result.add(new DecryptionKey(key, KeyPairs.firstMatching(key, certificates)));
        }
        return result;
    }
}
