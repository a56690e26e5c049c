package org.sealmail.core.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealmail.core.SmimeException;
import org.sealmail.core.asn1.BerReader;
import org.sealmail.core.asn1.Tag;

/**
 * The bags of a PKCS#12 file's SafeContents (RFC 7292 section 4.2): collects keys and X.509
 * certificates with their localKeyId attributes, then pairs them up.
 */
final class SafeBags {

    private static final int EXPLICIT_0 = Tag.CONSTRUCTED_BIT | Tag.context(0);

    private final IterationBudget budget;
    private final List<Bag<PrivateKey>> keyBags = new ArrayList<>();
    private final List<Bag<X509Certificate>> certificateBags = new ArrayList<>();
    /** Keys sealmail cannot decrypt with (EC, say): kept by reason, so their certificates still count. */
    private final List<Bag<String>> unusableKeyBags = new ArrayList<>();

    /** A bag's content and its localKeyId attribute (null when it has none). */
    private record Bag<T>(T content, byte[] localKeyId) {
        boolean sharesKeyIdWith(Bag<?> other) {
            return localKeyId != null && Arrays.equals(localKeyId, other.localKeyId);
        }
    }

    SafeBags(IterationBudget budget) {
        this.budget = budget;
    }

    /** Reads one SafeContents ::= SEQUENCE OF SafeBag; {@code where} names it in errors. */
    void read(byte[] der, Password password, String where) throws SmimeException, PasswordMismatch {
        try {
            BerReader outer = BerReader.of(der);
            BerReader bags = outer.readSequence();
            outer.expectEnd("safe contents");
            readBags(bags, password);
        } catch (SmimeException e) {
            throw Failures.located(where, e);
        }
    }

    private void readBags(BerReader bags, Password password) throws SmimeException, PasswordMismatch {
        for (int number = 1; !bags.isEmpty(); number++) {
            try {
                readBag(bags.readSequence(), password);
            } catch (SmimeException e) {
                throw Failures.located("bag " + number, e);
            }
        }
    }

    /** SafeBag ::= SEQUENCE { bagId OID, bagValue [0] EXPLICIT ANY, bagAttributes SET OF PKCS12Attribute OPTIONAL } */
    private void readBag(BerReader bag, Password password) throws SmimeException, PasswordMismatch {
        String type = bag.readOid();
        BerReader value = bag.read(EXPLICIT_0).children();
        byte[] localKeyId = bag.isEmpty() ? null : readLocalKeyId(bag.readSet());
        bag.expectEnd("bag");
        switch (type) {
            case KeyOids.KEY_BAG -> addKey(value.read(Tag.SEQUENCE).encoding(), localKeyId);
            case KeyOids.PKCS8_SHROUDED_KEY_BAG ->
                    addKey(EncryptedPrivateKeyInfo.decrypt(value, password, budget), localKeyId);
            case KeyOids.CERT_BAG -> readCertBag(value.readSequence(), localKeyId);
            case KeyOids.SAFE_CONTENTS_BAG -> readBags(value.readSequence(), password);
            default -> {
                // crlBag, secretBag and others hold nothing that decrypts mail
                return;
            }
        }
        value.expectEnd("bag value");
    }

    private void addKey(byte[] pkcs8, byte[] localKeyId) throws SmimeException {
        try {
            keyBags.add(new Bag<>(PrivateKeyDecoder.pkcs8(pkcs8), localKeyId));
        } catch (SmimeException e) {
            if (e.reason() != SmimeException.Reason.UNSUPPORTED) {
                throw e;
            }
            unusableKeyBags.add(new Bag<>(e.getMessage(), localKeyId));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** CertBag ::= SEQUENCE { certId OID, certValue [0] EXPLICIT OCTET STRING } */
    private void readCertBag(BerReader certBag, byte[] localKeyId) throws SmimeException {
        String certType = certBag.readOid();
        BerReader value = certBag.read(EXPLICIT_0).children();
        certBag.expectEnd("certificate bag");
        if (!certType.equals(KeyOids.X509_CERTIFICATE)) {
            return; // sdsiCertificate: not X.509
        }
        byte[] der = value.readOctetString();
        value.expectEnd("certificate bag value");
        certificateBags.add(new Bag<>(CertificateDecoder.decode(der, "certificate"), localKeyId));
    }

    /** The first value of the localKeyId attribute, or null. Other attributes (friendlyName...) are not needed. */
    private static byte[] readLocalKeyId(BerReader attributes) throws SmimeException {
        byte[] localKeyId = null;
        while (!attributes.isEmpty()) {
            // PKCS12Attribute ::= SEQUENCE { attrId OID, attrValues SET OF ANY }
            BerReader attribute = attributes.readSequence();
            String id = attribute.readOid();
            BerReader values = attribute.readSet();
            attribute.expectEnd("attribute");
            if (id.equals(KeyOids.LOCAL_KEY_ID) && localKeyId == null && !values.isEmpty()) {
                localKeyId = values.readOctetString();
            }
        }
        return localKeyId;
    }

    /** Pairs keys with certificates by public key, preferring the one the localKeyId attribute links. */
    Pkcs12Contents contents() {
        List<DecryptionKey> keys = new ArrayList<>();
        for (Bag<PrivateKey> key : keyBags) {
            keys.add(new DecryptionKey(key.content(), certificateFor(key)));
        }
        List<X509Certificate> keyCertificates = new ArrayList<>();
        List<X509Certificate> otherCertificates = new ArrayList<>();
        for (Bag<X509Certificate> certificate : certificateBags) {
            boolean hasKey = keyBags.stream().anyMatch(key -> certificate.sharesKeyIdWith(key)
                    || KeyPairs.matches(key.content(), certificate.content()))
                    || unusableKeyBags.stream().anyMatch(certificate::sharesKeyIdWith);
            (hasKey ? keyCertificates : otherCertificates).add(certificate.content());
        }
        List<String> unusable = unusableKeyBags.stream().map(Bag::content).toList();
        return new Pkcs12Contents(keys, keyCertificates, otherCertificates, unusable);
    }

    private X509Certificate certificateFor(Bag<PrivateKey> key) {
        X509Certificate byPublicKey = null;
        for (Bag<X509Certificate> candidate : certificateBags) {
            if (!KeyPairs.matches(key.content(), candidate.content())) {
                continue;
            }
            if (candidate.sharesKeyIdWith(key)) {
                return candidate.content();
            }
            if (byPublicKey == null) {
                byPublicKey = candidate.content();
            }
        }
        return byPublicKey;
    }
}
