package org.sealmail.cli.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sealmail.core.testing.TestData;

/**
 * gpgsm as an encrypter: a fresh {@link GpgsmHome} with the test CA and the recipients'
 * certificates imported, and the CA in {@code trustlist.txt} (gpgsm 2.2 has no
 * {@code --always-trust}; without a trusted root it refuses a recipient with "Not trusted").
 * {@code --disable-dirmngr} alone skips the CRL check ("CRLs not checked due to offline option").
 */
final class GpgsmEncrypter implements AutoCloseable {

    static final Path CA = TestData.pki("ca.pem");

    private final GpgsmHome home;
    private final ScratchFiles scratch;

    private GpgsmEncrypter(GpgsmHome home, ScratchFiles scratch) {
        this.home = home;
        this.scratch = scratch;
    }

    static GpgsmEncrypter create(Path workDir, List<TestKey> recipients) {
        Peer.GPGSM.assumeInstalled();
        GpgsmEncrypter gpgsm = new GpgsmEncrypter(GpgsmHome.create(), new ScratchFiles(workDir));
        boolean ready = false;
        try {
            List<String> imports = new ArrayList<>(List.of("--import", CA.toString()));
            recipients.forEach(recipient -> imports.add(recipient.certificate().toString()));
            gpgsm.home.gpgsm(new byte[0], imports).requireSuccess();
            // "S": a root trusted for S/MIME.
            gpgsm.home.writeFile("trustlist.txt", sha1Fingerprint(CA) + " S\n");
            ready = true;
            return gpgsm;
        } finally {
            if (!ready) {
                gpgsm.close();
            }
        }
    }

    /**
     * {@code gpgsm --encrypt --cipher-algo CIPHER -r EMAIL...}: DER (BER, in fact) or, with
     * {@code armor}, the PEM-style armor gpgsm writes. {@code cipher} is e.g. AES256 or 3DES.
     */
    byte[] encrypt(byte[] payload, String cipher, boolean armor, List<TestKey> recipients) {
        Path input = scratch.write("in", ".bin", payload);
        Path output = scratch.fresh("out", armor ? ".pem" : ".der");
        try {
            List<String> args = new ArrayList<>(List.of("--cipher-algo", cipher));
            if (armor) {
                args.add("--armor");
            }
            for (TestKey recipient : recipients) {
                args.add("--recipient");
                args.add(CertificateEmail.of(recipient));
            }
            args.addAll(List.of("--output", output.toString(), "--encrypt", input.toString()));
            home.gpgsm(new byte[0], args).requireSuccess();
            byte[] encrypted = scratch.read(output);
            if (encrypted.length == 0) {
                throw new AssertionError("gpgsm exited 0 but wrote nothing to " + output);
            }
            return encrypted;
        } finally {
            scratch.delete(input);
            scratch.delete(output);
        }
    }

    /** "E5:34:...:54", the form of a trustlist.txt entry. */
    private static String sha1Fingerprint(Path pem) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(PemFiles.certificate(pem).getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            home.close();
        } finally {
            ScratchFiles.deleteTree(scratch.dir());
        }
    }
}
