package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/** What {@code deliver} and {@code encrypt-maildir} store, opened by {@code openssl cms -decrypt}. */
class MaildirOpensslTest {

    private static final byte[] SAMPLE = TestData.read(TestData.message("sample.eml"));

    @TempDir
    Path dir;

    private String store;

    @BeforeEach
    void anAccount() {
        RequiredTool.assumeOnPath("openssl", "openssl");
        store = dir.resolve("store").toString();
        SealmailCli.run(new byte[0], List.of("account", "set", "alice", "--store", store,
                "--cert", TestKey.RSA2048.certificate().toString())).requireSuccess();
    }

    @Test
    void aDeliveredMessageOpensWithOpenssl() throws IOException {
        SealmailCli.run(SAMPLE, List.of("deliver", "alice", "--store", store)).requireSuccess();

        Path stored = only(Path.of(store, "mail", "alice", "new"));
        assertOpensWithOpenssl(Files.readAllBytes(stored));
    }

    private void assertOpensWithOpenssl(byte[] stored) {
        byte[] entity = new OpensslDecrypter(TestKey.RSA2048, dir)
                .decryptSmime(stored);
        assertEquals(ExpectedMessage.text(MimeText.parse(SAMPLE).expectedInnerEntity()), ExpectedMessage.text(entity));
    }

    static Path only(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
