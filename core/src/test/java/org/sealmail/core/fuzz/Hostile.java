package org.sealmail.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sealmail.core.testing.TestData;

/** Builds the known-dangerous inputs on the fly (never a committed 100 MiB file). */
final class Hostile {

    private Hostile() {
    }

    /** SEQUENCE inside SEQUENCE, {@code depth} times, every length definite. */
    static byte[] nestedDefinite(int depth) {
        long[] contentLength = new long[depth];
        long inner = 0;
        for (int level = depth - 1; level >= 0; level--) {
            contentLength[level] = inner;
            inner += 1 + BerTree.definiteLength(inner).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) inner);
        for (int level = 0; level < depth; level++) {
            out.write(0x30);
            out.writeBytes(BerTree.definiteLength(contentLength[level]));
        }
        return out.toByteArray();
    }

    static byte[] nestedIndefinite(int depth) {
        byte[] out = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            out[2 * i] = 0x30;
            out[2 * i + 1] = (byte) 0x80;
        }
        return out;
    }

    static byte[] sequence(byte[] content) {
        BerTree.Node node = new BerTree.Node();
        node.tag = 0x30;
        node.content = content;
        return BerTree.encode(node);
    }

    /** An OBJECT IDENTIFIER element 1.2.N where N has {@code digits} decimal digits. */
    static byte[] oidWithHugeArc(int digits) {
        java.math.BigInteger arc = java.math.BigInteger.TEN.pow(digits - 1);
        int groups = (arc.bitLength() + 6) / 7;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(42);
        for (int g = groups - 1; g >= 0; g--) {
            int bits = arc.shiftRight(7 * g).intValue() & 0x7f;
            content.write(g == 0 ? bits : bits | 0x80);
        }
        BerTree.Node node = new BerTree.Node();
        node.tag = 0x06;
        node.content = content.toByteArray();
        return BerTree.encode(node);
    }

    /** The rsa2048 test certificate with the serial replaced by an INTEGER of {@code bytes} bytes. */
    static byte[] certificateWithSerial(int bytes) {
        List<BerTree.Node> certificate = BerTree.parse(TestData.read(TestData.pki("rsa2048.der")));
        BerTree.Node tbs = certificate.get(0).children.get(0);
        byte[] serial = new byte[bytes];
        java.util.Arrays.fill(serial, (byte) 0x5a);
        tbs.children.get(1).content = serial;
        return BerTree.encode(certificate);
    }

    /** The rsa2048 test certificate whose first extension's OID is {@code oid}. */
    static byte[] certificateWithExtensionOid(byte[] oid) {
        List<BerTree.Node> certificate = BerTree.parse(TestData.read(TestData.pki("rsa2048.der")));
        BerTree.Node tbs = certificate.get(0).children.get(0);
        BerTree.Node extensions = tbs.children.get(tbs.children.size() - 1).children.get(0);
        BerTree.Node extension = extensions.children.get(0);
        extension.children.set(0, BerTree.parse(oid).get(0));
        return BerTree.encode(certificate);
    }

    /** openssl's BER test message with its encrypted content ([0] IMPLICIT) replaced by {@code octetString}. */
    static byte[] withEncryptedContent(byte[] octetString) {
        List<BerTree.Node> cms = BerTree.parse(TestData.read(TestData.root().resolve("testdata/cms/openssl-stream.ber")));
        BerTree.Node envelopedData = cms.get(0).children.get(1).children.get(0);
        BerTree.Node encryptedContentInfo = envelopedData.children.get(2);
        BerTree.Node replacement = BerTree.parse(octetString).get(0);
        replacement.tag = 0xa0;
        encryptedContentInfo.children.set(encryptedContentInfo.children.size() - 1, replacement);
        return BerTree.encode(cms);
    }

    static byte[] message(String header, String body) {
        return (header + "\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }
}
