package org.sealmail.cli.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * NSS, the library Thunderbird uses: a fresh {@code sql:} database with an empty password
 * holding one key imported from its legacy PKCS#12 file, and {@code cmsutil -D} to decrypt.
 */
final class NssDecrypter implements Decrypter {

    private final String database;
    private final ScratchFiles scratch;

    private NssDecrypter(String database, ScratchFiles scratch) {
        this.database = database;
        this.scratch = scratch;
    }

    static NssDecrypter create(TestKey key, Path workDir) {
        ScratchFiles scratch = new ScratchFiles(workDir);
        Path db = workDir.resolve("nssdb");
        ScratchFiles.deleteTree(db);
        new ScratchFiles(db);
        String database = "sql:" + db;
        run(List.of("certutil", "-N", "-d", database, "--empty-password"));
        run(List.of("pk12util", "-i", key.legacyPkcs12().toString(), "-d", database, "-W", ""));
        return new NssDecrypter(database, scratch);
    }

    @Override
    public byte[] decryptCms(byte[] contentInfo) {
        Path input = scratch.write("in", ".der", contentInfo);
        Path output = scratch.fresh("out", ".bin");
        try {
            run(List.of("cmsutil", "-D", "-i", input.toString(), "-d", database, "-p", "",
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
