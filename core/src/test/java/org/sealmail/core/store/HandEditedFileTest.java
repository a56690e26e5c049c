package org.sealmail.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.RecipientIdForm;
import org.sealmail.core.cms.RecipientOptions;

/** Account files as a person may leave them: what is accepted, and where a refusal points. */
class HandEditedFileTest {

    private static final String ALICE = "alice@example.org";
    private static final String HEADER = "# sealmail account settings; edit with 'sealmail account set'\n";
    private static final String SETTINGS = HEADER
            + "account: alice@example.org\n"
            + "encryption: on\n"
            + "cipher: aes256-cbc\n"
            + "\n";
    /** bundle1.pem and rsa2048.pem are 20 lines each; with SETTINGS, block 2 starts on line 26. */
    private static final String TWO_CERTIFICATES = Certificates.pem("bundle1.pem") + Certificates.pem("rsa2048.pem");

    @TempDir
    Path temp;

    private AccountStore store;
    private Path file;

    @BeforeEach
    void openStore() throws SmimeException {
        store = AccountStore.open(temp.resolve("store"));
        file = temp.resolve("store/accounts/alice@example.org.account");
    }

    private SmimeException refusal(String content) throws IOException {
        Files.writeString(file, content);
        SmimeException e = assertThrows(SmimeException.class, () -> store.find(ALICE));
        assertEquals(SmimeException.Reason.BAD_INPUT, e.reason());
        return e;
    }

    private void assertRefused(String content, String expected) throws IOException {
        assertEquals(file + ": " + expected, refusal(content).getMessage());
    }

    // --- accepted ------------------------------------------------------------------------------

    @Test
    void acceptsCommentsOtherOrderSpacesCaseAndCrlf() throws Exception {
        String edited = "# moved to the new key on 2026-01-02\r\n"
                + "cipher:AES128-CBC  \r\n"
                + "  # encryption was off for the migration\r\n"
                + "encryption :  OFF\r\n"
                + "account: Alice@Example.org\r\n"
                + "\r\n"
                + TWO_CERTIFICATES.replace("\n", "\r\n");
        Files.writeString(file, edited);

        assertEquals(new Account(ALICE, Certificates.of("bundle1.pem", "rsa2048.pem"), ContentCipher.AES128_CBC, false),
                store.find(ALICE).orElseThrow());
    }

    @Test
    void aFileWithoutTheRecipientOptionsReadsAsTheDefaults() throws Exception {
        Files.writeString(file, SETTINGS + TWO_CERTIFICATES);

        assertEquals(RecipientOptions.DEFAULT, store.find(ALICE).orElseThrow().recipientOptions());
    }

    @Test
    void acceptsTheRecipientOptionsInAnyOrderAndCase() throws Exception {
        Files.writeString(file, HEADER + "recipient-id: SKI\noaep:On\n" + SETTINGS.substring(HEADER.length())
                + TWO_CERTIFICATES);

        assertEquals(new RecipientOptions(true, RecipientIdForm.SUBJECT_KEY_IDENTIFIER),
                store.find(ALICE).orElseThrow().recipientOptions());
    }

    @Test
    void acceptsTheDefaultRecipientOptionsWrittenOut() throws Exception {
        Files.writeString(file, SETTINGS.replace("\n\n", "\noaep: off\nrecipient-id: issuer-serial\n\n") + TWO_CERTIFICATES);

        assertEquals(RecipientOptions.DEFAULT, store.find(ALICE).orElseThrow().recipientOptions());
    }

    @Test
    void acceptsBlankLinesBetweenCertificates() throws Exception {
        Files.writeString(file, SETTINGS + Certificates.pem("bundle1.pem") + "\n\n" + Certificates.pem("rsa2048.pem") + "\n");

        assertEquals(2, store.find(ALICE).orElseThrow().certificates().size());
    }

    @Test
    void aRewriteBringsAHandEditedFileBackToTheCanonicalForm() throws Exception {
        Files.writeString(file, "encryption: off\naccount: alice@example.org\ncipher: aes128-cbc\n\n"
                + TWO_CERTIFICATES.replace("\n", "\r\n"));

        store.setEncryption(ALICE, true);

        assertEquals(HEADER + "account: alice@example.org\nencryption: on\ncipher: aes128-cbc\n\n" + TWO_CERTIFICATES,
                Files.readString(file));
    }

    // --- settings refused ----------------------------------------------------------------------

    @Test
    void refusesAnUnknownSetting() throws IOException {
        assertRefused(SETTINGS.replace("encryption: on\n", "encryption: on\ncolour: blue\n") + TWO_CERTIFICATES,
                "line 4: unknown setting \"colour\"; the settings are account, encryption, cipher, oaep, recipient-id");
    }

    @Test
    void refusesAKeyInAnotherCase() throws IOException {
        assertRefused(SETTINGS.replace("cipher:", "Cipher:") + TWO_CERTIFICATES,
                "line 4: unknown setting \"Cipher\"; the settings are account, encryption, cipher, oaep, recipient-id");
    }

    @Test
    void refusesAnUnknownCipher() throws IOException {
        assertRefused(SETTINGS.replace("aes256-cbc", "des-cbc") + TWO_CERTIFICATES,
                "line 4: unknown cipher \"des-cbc\"; choose one of aes128-cbc, aes256-cbc, aes128-gcm, aes256-gcm, chacha20-poly1305");
    }

    @Test
    void refusesAnEncryptionThatIsNeitherOnNorOff() throws IOException {
        assertRefused(SETTINGS.replace("encryption: on", "encryption: yes") + TWO_CERTIFICATES,
                "line 3: encryption \"yes\" is neither on nor off");
    }

    @Test
    void refusesAnOaepThatIsNeitherOnNorOff() throws IOException {
        assertRefused(SETTINGS.replace("\n\n", "\noaep: sha256\n\n") + TWO_CERTIFICATES,
                "line 5: oaep \"sha256\" is neither on nor off");
    }

    @Test
    void refusesAnUnknownRecipientId() throws IOException {
        assertRefused(SETTINGS.replace("\n\n", "\nrecipient-id: subject\n\n") + TWO_CERTIFICATES,
                "line 5: unknown recipient-id \"subject\"; choose issuer-serial or ski");
    }

    @Test
    void refusesRecipientIdSkiAtItsLineWhenACertificateHasNone() throws IOException {
        String message = refusal(SETTINGS.replace("\n\n", "\nrecipient-id: ski\n\n") + Certificates.pem("bundle1.pem")
                + Certificates.pem("rsa2048-noski.pem")).getMessage();

        assertTrue(message.startsWith(file + ": line 5: recipient-id ski, but certificate 2 of 2 ("), message);
    }

    @Test
    void refusesAMissingSettingAtTheLineWhereTheSettingsEnd() throws IOException {
        assertRefused(SETTINGS.replace("cipher: aes256-cbc\n", "") + TWO_CERTIFICATES,
                "line 4: the settings end without \"cipher: ...\"");
    }

    @Test
    void refusesASettingGivenTwice() throws IOException {
        assertRefused(SETTINGS.replace("cipher: aes256-cbc\n", "cipher: aes256-cbc\ncipher: aes128-cbc\n") + TWO_CERTIFICATES,
                "line 5: \"cipher\" is set twice (first on line 4)");
    }

    @Test
    void refusesAnAccountNameThatDoesNotMatchTheFileName() throws IOException {
        assertRefused(SETTINGS.replace("account: alice@example.org", "account: mallory@example.org") + TWO_CERTIFICATES,
                "line 2: account \"mallory@example.org\" does not match the file name \"alice@example.org.account\"");
    }

    @Test
    void refusesAnInvalidAccountName() throws IOException {
        assertRefused(SETTINGS.replace("account: alice@example.org", "account: ../alice@example.org") + TWO_CERTIFICATES,
                "line 2: account name \"../alice@example.org\": contains a path separator '/'");
    }

    @Test
    void refusesCertificatesWithoutTheBlankLine() throws IOException {
        assertRefused(SETTINGS.replace("\n\n", "\n") + TWO_CERTIFICATES,
                "line 5: \"-----BEGIN CERTIFICATE-----\" is not a setting; "
                        + "settings are \"key: value\" lines, ended by a blank line");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertRefused("", "line 1: the settings end without \"account: ...\"");
    }

    // --- certificates refused ------------------------------------------------------------------

    @Test
    void refusesAFileWithoutCertificates() throws IOException {
        assertRefused(SETTINGS, "line 6: no certificate after the settings; an account needs at least one");
        assertRefused(SETTINGS + "\n\n", "line 6: no certificate after the settings; an account needs at least one");
    }

    @Test
    void refusesBrokenBase64AtTheLineOfItsBlock() throws IOException {
        String broken = SETTINGS + Certificates.pem("bundle1.pem")
                + Certificates.pem("rsa2048.pem").replaceFirst("\nMII", "\nMI!");

        String message = refusal(broken).getMessage();

        assertEquals(file + ": line 26: block 2: base64 does not decode: Illegal base64 character 21", message);
    }

    @Test
    void refusesATruncatedCertificateAtTheLineOfItsBlock() throws IOException {
        List<String> lines = new ArrayList<>(List.of(Certificates.pem("rsa2048.pem").split("\n")));
        lines.remove(2);
        String withoutALine = String.join("\n", lines) + "\n";

        String message = refusal(SETTINGS + Certificates.pem("bundle1.pem") + withoutALine).getMessage();

        String expected = file + ": line 26: block 2: not a valid X.509 certificate: ";
        assertTrue(message.startsWith(expected), message);
    }

    @Test
    void refusesACertificateThatNoLongerValidatesAtTheLineOfItsBlock() throws IOException {
        assertRefused(SETTINGS + Certificates.pem("bundle1.pem") + Certificates.pem("rsa1024.pem"),
                "line 26: certificate 2 of 2 (CN=Weak RSA 1024): RSA key of 1024 bits; at least 2048 are required");
    }

    @Test
    void refusesABlankLineInsideABlockAtThatLine() throws IOException {
        assertRefused(SETTINGS + Certificates.pem("bundle1.pem").replaceFirst("\n", "\n\n"),
                "line 7: block 1: blank line inside the block");
    }

    @Test
    void refusesAMissingEndLineAtTheLineOfItsBlock() throws IOException {
        assertRefused(SETTINGS + Certificates.pem("bundle1.pem") + Certificates.pem("rsa2048.pem").replace("-----END CERTIFICATE-----\n", ""),
                "line 26: block 2: no \"-----END CERTIFICATE-----\" line");
    }

    @Test
    void refusesTextAfterTheCertificates() throws IOException {
        assertRefused(SETTINGS + TWO_CERTIFICATES + "encryption: off\n",
                "line 46: text outside a PEM block");
    }

    @Test
    void refusesAPrivateKeyWithoutQuotingIt() throws IOException {
        String key = Certificates.pem("rsa2048.key");
        String message = refusal(SETTINGS + Certificates.pem("bundle1.pem") + key).getMessage();

        assertEquals(file + ": line 26: a \"PRIVATE KEY\" block; an account file holds only CERTIFICATE blocks", message);
        assertFalse(message.contains(key.split("\n")[1].substring(0, 20)));
    }

    @Test
    void listStillNamesAnAccountWhoseFileIsRefused() throws IOException, SmimeException {
        Files.writeString(file, SETTINGS);

        assertEquals(List.of(ALICE), store.list());
    }
}
