package org.sealmail.cli.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * NSS as an encrypter: a fresh {@code sql:} database holding the recipients' certificates (no
 * private key, no CA, no trust: {@code -t ",,"} is enough for {@code cmsutil -E}), which finds a
 * recipient by the email address in its certificate's subject. NSS picks the content cipher
 * itself (AES-128-CBC when it knows nothing of the recipient) and writes BER.
 */
final class NssEncrypter implements AutoCloseable {

    private final String database;
    private final ScratchFiles scratch;

    private NssEncrypter(String database, ScratchFiles scratch) {
        this.database = database;
        this.scratch = scratch;
    }

    static NssEncrypter create(Path workDir, List<TestKey> recipients) {
        Peer.NSS.assumeInstalled();
        ScratchFiles scratch = new ScratchFiles(workDir);
        Path db = workDir.resolve("nssdb");
        new ScratchFiles(db);
        String database = "sql:" + db;
        run(List.of("certutil", "-N", "-d", database, "--empty-password"));
        for (TestKey recipient : recipients) {
            run(List.of("certutil", "-A", "-n", recipient.name(), "-t", ",,",
                    "-i", recipient.certificate().toString(), "-d", database));
        }
        return new NssEncrypter(database, scratch);
    }

    /** {@code cmsutil -E -r EMAIL,...}: the BER ContentInfo of {@code payload}. */
    byte[] encrypt(byte[] payload, List<TestKey> recipients) {
        String emails = recipients.stream().map(CertificateEmail::of).collect(Collectors.joining(","));
        Path input = scratch.write("in", ".bin", payload);
        Path output = scratch.fresh("out", ".ber");
        try {
            run(List.of("cmsutil", "-E", "-r", emails, "-d", database, "-i", input.toString(),
                    "-o", output.toString()));
            return scratch.read(output);
        } finally {
            scratch.delete(input);
            scratch.delete(output);
        }
    }

    private static void run(List<String> command) {
        CommandRunner.run(command, Map.of(), new byte[0]).requireSuccess();
    }

    @Override
    public void close() {
        ScratchFiles.deleteTree(scratch.dir());
    }
}
