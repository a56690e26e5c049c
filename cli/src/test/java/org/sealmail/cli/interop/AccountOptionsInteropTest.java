package org.sealmail.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.testing.TestData;

/** The recipient options stored with an account reach what deliver, encrypt and encrypt-maildir write. */
class AccountOptionsInteropTest {

    private static final byte[] SAMPLE = TestData.read(TestData.message("sample.eml"));

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("store").toString();
    }

    private void accountSet(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("account", "set", "alice", "--store", store(),
                "--cert", TestKey.RSA2048.certificate().toString()));
        args.addAll(List.of(options));
        SealmailOutcome set = SealmailCli.run(new byte[0], args);
        assertEquals(0, set.exitCode(), set.stderr());
    }

    private static String inspect(byte[] message) {
        return new String(SealmailCli.run(message, List.of("inspect")).requireSuccess(), StandardCharsets.UTF_8);
    }

    private static byte[] onlyFileIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return Files.readAllBytes(all.get(0));
        }
    }

    @Test
    void deliverWithAnOaepAccountWritesAnOaepRecipientThatOpensslOpens() throws IOException {
        accountSet("--oaep");

        SealmailOutcome deliver = SealmailCli.run(SAMPLE, List.of("deliver", "alice", "--store", store()));

        assertEquals(0, deliver.exitCode(), deliver.stderr());
        byte[] stored = onlyFileIn(Path.of(store(), "mail", "alice", "new"));
        String text = inspect(stored);
        assertTrue(text.contains("recipient 1: kind=ktri issuer="), text);
        assertTrue(text.contains(" key-encryption=RSAES-OAEP oaep-hash=sha256 oaep-mgf=mgf1-sha256\n"), text);
        try (OpensslDecrypter openssl = new OpensslDecrypter(TestKey.RSA2048, dir)) {
            assertEquals(ExpectedMessage.text(MimeText.parse(SAMPLE).expectedInnerEntity()),
                    ExpectedMessage.text(openssl.decryptSmime(stored)));
        }
    }

    @Test
    void encryptWithARidSkiAccountNamesTheRecipientBySki() {
        accountSet("--rid", "ski");

        byte[] message = SealmailCli.encrypt(SAMPLE, List.of("--account", "alice", "--store", store()));

        String text = inspect(message);
        assertTrue(text.contains("recipient 1: kind=ktri subject-key-id="), text);
        assertTrue(text.contains(" key-encryption=rsaEncryption"), text);
    }

    @Test
    void encryptMaildirWithAnAccountUsesItsOptions() throws IOException {
        accountSet("--oaep", "--rid", "ski");
        Path maildir = dir.resolve("Maildir");
        for (String folder : List.of("new", "cur", "tmp")) {
            Files.createDirectories(maildir.resolve(folder));
        }
        Files.write(maildir.resolve("new/1.host"), SAMPLE);

        SealmailOutcome job = SealmailCli.run(new byte[0], List.of("encrypt-maildir", maildir.toString(),
                "--account", "alice", "--store", store(), "--quiet"));

        assertEquals(0, job.exitCode(), job.stderr());
        String text = inspect(Files.readAllBytes(maildir.resolve("new/1.host")));
        assertTrue(text.contains("recipient 1: kind=ktri subject-key-id="), text);
        assertTrue(text.contains(" key-encryption=RSAES-OAEP"), text);
    }
}
