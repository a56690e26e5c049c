package org.sealmail.core.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.RecipientIdForm;
import org.sealmail.core.cms.RecipientOptions;
import org.sealmail.core.pem.PemBlock;
import org.sealmail.core.pem.PemReader;
import org.sealmail.core.pem.PemWriter;
import org.sealmail.core.x509.CertificateBundle;
import org.sealmail.core.x509.RecipientCertificate;

/** Writes and reads the text of one account file; the format is described in package-info. */
final class AccountFile {

    static final String SUFFIX = ".account";
    static final String FIRST_LINE = "# sealmail account settings; edit with 'sealmail account set'";

    private static final String ACCOUNT = "account";
    private static final String ENCRYPTION = "encryption";
    private static final String CIPHER = "cipher";
    private static final String OAEP = "oaep";
    private static final String RECIPIENT_ID = "recipient-id";
    private static final List<String> REQUIRED_KEYS = List.of(ACCOUNT, ENCRYPTION, CIPHER);
    /** Added later: a file without them has the defaults, and they are written only when not the default. */
    private static final List<String> KEYS = List.of(ACCOUNT, ENCRYPTION, CIPHER, OAEP, RECIPIENT_ID);
    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String BEGIN = "-----BEGIN";

    /** PemReader and CertificateBundle messages that already name a line, or name a block. */
    private static final Pattern NAMES_A_LINE = Pattern.compile("line \\d+: ");
    private static final Pattern BLOCK_THEN_LINE = Pattern.compile("(block \\d+: )line (\\d+): ");
    private static final Pattern NAMES_A_BLOCK = Pattern.compile("(?:block|certificate) (\\d+)\\b");

    private AccountFile() {
    }

    /**
     * The file's bytes. The certificates are checked as recipients first, so a file is never
     * written that would not read back.
     *
     * @param account with its name already normalized
     */
    static byte[] render(Account account) throws SmimeException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : account.certificates()) {
            pem.append(PemWriter.write(CERTIFICATE, encoded(certificate, account.name())));
        }
        RecipientOptions options = account.recipientOptions();
        try {
            CertificateBundle bundle = CertificateBundle.parse(pem.toString().getBytes(US_ASCII));
            String withoutSki = withoutSki(bundle, options.idForm());
            if (withoutSki != null) {
                throw SmimeException.badInput(withoutSki);
            }
        } catch (SmimeException e) {
            throw new SmimeException(e.reason(), "account " + Quoted.of(account.name()) + ": " + e.getMessage(), e);
        }
        StringBuilder text = new StringBuilder(FIRST_LINE + "\n")
                .append(ACCOUNT + ": ").append(account.name()).append('\n')
                .append(ENCRYPTION + ": ").append(onOff(account.encryptionOn())).append('\n')
                .append(CIPHER + ": ").append(account.cipher().cliName()).append('\n');
        // Default options are left out, so an older sealmail still reads the file; one that does not
        // know these keys refuses a file that has them rather than quietly using the defaults.
        if (options.oaep()) {
            text.append(OAEP + ": ").append(onOff(true)).append('\n');
        }
        if (options.idForm() != RecipientOptions.DEFAULT.idForm()) {
            text.append(RECIPIENT_ID + ": ").append(options.idForm().cliName()).append('\n');
        }
        text.append('\n').append(pem);
        return text.toString().getBytes(US_ASCII);
    }

    /**
     * Reads a file written by {@link #render} or by hand.
     *
     * @param expectedName the normalized name the file is named after; its "account:" must match
     * @param file         for messages: every refusal is BAD_INPUT "FILE: line N: what"
     */
    static Account parse(byte[] content, String expectedName, Path file) throws SmimeException {
        // ISO-8859-1 maps bytes one to one, so character offsets are byte offsets.
        String[] lines = new String(content, ISO_8859_1).split("\n", -1);
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        int index = 0;
        for (; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int lineNumber = index + 1;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw refused(file, lineNumber, Quoted.of(line)
                        + " is not a setting; settings are \"key: value\" lines, ended by a blank line");
            }
            String key = line.substring(0, colon).strip();
            if (!KEYS.contains(key)) {
                throw refused(file, lineNumber, "unknown setting " + Quoted.of(key)
                        + "; the settings are " + String.join(", ", KEYS));
            }
            if (lineOf.containsKey(key)) {
                throw refused(file, lineNumber, "\"" + key + "\" is set twice (first on line " + lineOf.get(key) + ")");
            }
            values.put(key, line.substring(colon + 1).strip());
            lineOf.put(key, lineNumber);
        }
        int settingsEnd = Math.min(index + 1, lines.length);
        for (String key : REQUIRED_KEYS) {
            if (!values.containsKey(key)) {
                throw refused(file, settingsEnd, "the settings end without \"" + key + ": ...\"");
            }
        }
        String name = accountName(values.get(ACCOUNT), expectedName, file, lineOf.get(ACCOUNT));
        boolean on = onOrOff(ENCRYPTION, values.get(ENCRYPTION), file, lineOf.get(ENCRYPTION));
        ContentCipher cipher = cipher(values.get(CIPHER), file, lineOf.get(CIPHER));
        boolean oaep = values.containsKey(OAEP) && onOrOff(OAEP, values.get(OAEP), file, lineOf.get(OAEP));
        RecipientIdForm idForm = values.containsKey(RECIPIENT_ID)
                ? recipientId(values.get(RECIPIENT_ID), file, lineOf.get(RECIPIENT_ID))
                : RecipientOptions.DEFAULT.idForm();
        CertificateBundle bundle = certificates(content, lines, index, file);
        String withoutSki = withoutSki(bundle, idForm);
        if (withoutSki != null) {
            throw refused(file, lineOf.get(RECIPIENT_ID), withoutSki);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (RecipientCertificate recipient : bundle.certificates()) {
            certificates.add(recipient.certificate());
        }
        return new Account(name, certificates, cipher, on, new RecipientOptions(oaep, idForm));
    }

    /** Why {@code bundle} cannot be named by {@code idForm}, or null when it can. */
    private static String withoutSki(CertificateBundle bundle, RecipientIdForm idForm) {
        if (idForm != RecipientIdForm.SUBJECT_KEY_IDENTIFIER) {
            return null;
        }
        List<RecipientCertificate> recipients = bundle.certificates();
        for (int i = 0; i < recipients.size(); i++) {
            if (recipients.get(i).subjectKeyIdentifier() == null) {
                return "recipient-id ski, but certificate " + (i + 1) + " of " + recipients.size() + " ("
                        + Quoted.of(recipients.get(i).subject()) + ") has no subject key identifier;"
                        + " use issuer-serial";
            }
        }
        return null;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static String accountName(String value, String expectedName, Path file, int line) throws SmimeException {
        String name;
        try {
            name = AccountName.normalize(value);
        } catch (SmimeException e) {
            throw refused(file, line, e.getMessage());
        }
        if (!name.equals(expectedName)) {
            throw refused(file, line, "account " + Quoted.of(value) + " does not match the file name "
                    + Quoted.of(expectedName + SUFFIX));
        }
        return name;
    }

    private static boolean onOrOff(String key, String value, Path file, int line) throws SmimeException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on":
                return true;
            case "off":
                return false;
            default:
                throw refused(file, line, key + " " + Quoted.of(value) + " is neither on nor off");
        }
    }

    private static RecipientIdForm recipientId(String value, Path file, int line) throws SmimeException {
        try {
            return RecipientIdForm.byName(value);
        } catch (SmimeException e) {
            throw refused(file, line, "unknown recipient-id " + Quoted.of(value) + "; choose issuer-serial or ski");
        }
    }

    private static ContentCipher cipher(String value, Path file, int line) throws SmimeException {
        try {
            return ContentCipher.byName(value);
        } catch (SmimeException e) {
            throw refused(file, line, "unknown cipher " + Quoted.of(value) + "; choose one of " + ContentCipher.names());
        }
    }

    /**
     * The certificates after the blank line at {@code blankIndex}. They are parsed from a copy of
     * the file whose settings lines are emptied, so that line numbers in PEM messages are the
     * file's own.
     */
    private static CertificateBundle certificates(byte[] content, String[] lines, int blankIndex, Path file)
            throws SmimeException {
        int offset = 0;
        for (int i = 0; i <= blankIndex && i < lines.length; i++) {
            offset += lines[i].length() + 1;
        }
        int rest = Math.max(0, content.length - offset);
        byte[] pemOnly = new byte[blankIndex + 1 + rest];
        Arrays.fill(pemOnly, 0, blankIndex + 1, (byte) '\n');
        System.arraycopy(content, content.length - rest, pemOnly, blankIndex + 1, rest);

        List<Integer> beginLines = new ArrayList<>();
        for (int i = blankIndex + 1; i < lines.length; i++) {
            if (lines[i].startsWith(BEGIN)) {
                beginLines.add(i + 1);
            }
        }
        if (new String(pemOnly, ISO_8859_1).isBlank()) {
            throw refused(file, Math.min(blankIndex + 2, lines.length),
                    "no certificate after the settings; an account needs at least one");
        }
        List<PemBlock> blocks;
        try {
            blocks = PemReader.read(pemOnly);
        } catch (SmimeException e) {
            throw located(file, e, beginLines);
        }
        for (PemBlock block : blocks) {
            if (!block.label().equals(CERTIFICATE)) {
                throw refused(file, beginLines.get(block.number() - 1), "a " + Quoted.of(block.label())
                        + " block; an account file holds only CERTIFICATE blocks");
            }
        }
        try {
            return CertificateBundle.parse(pemOnly);
        } catch (SmimeException e) {
            throw located(file, e, beginLines);
        }
    }

    /** A PEM or certificate message, led by the file and the line it concerns. */
    private static SmimeException located(Path file, SmimeException e, List<Integer> beginLines) {
        String message = e.getMessage();
        Matcher blockThenLine = BLOCK_THEN_LINE.matcher(message);
        Matcher namesBlock = NAMES_A_BLOCK.matcher(message);
        String located;
        if (NAMES_A_LINE.matcher(message).lookingAt()) {
            located = message;
        } else if (blockThenLine.lookingAt()) {
            located = "line " + blockThenLine.group(2) + ": " + blockThenLine.group(1)
                    + message.substring(blockThenLine.end());
        } else if (namesBlock.lookingAt() && Integer.parseInt(namesBlock.group(1)) <= beginLines.size()) {
            located = "line " + beginLines.get(Integer.parseInt(namesBlock.group(1)) - 1) + ": " + message;
        } else {
            located = message;
        }
        return new SmimeException(SmimeException.Reason.BAD_INPUT, file + ": " + located, e);
    }

    private static SmimeException refused(Path file, int line, String what) {
        return SmimeException.badInput(file + ": line " + line + ": " + what);
    }

    private static byte[] encoded(X509Certificate certificate, String accountName) throws SmimeException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new SmimeException(SmimeException.Reason.BAD_INPUT,
                    "account " + Quoted.of(accountName) + ": a certificate cannot be encoded: " + e.getMessage(), e);
        }
    }
}
