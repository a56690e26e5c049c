package org.sealmail.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sealmail.core.SmimeException;
import org.sealmail.core.cms.ContentCipher;
import org.sealmail.core.cms.EnvelopedDataWriter;
import org.sealmail.core.cms.PeerCompatibility;
import org.sealmail.core.cms.RecipientIdForm;
import org.sealmail.core.cms.RecipientOptions;
import org.sealmail.core.store.Account;
import org.sealmail.core.store.AccountName;
import org.sealmail.core.store.AccountStore;
import org.sealmail.core.x509.CertificateBundle;
import org.sealmail.core.x509.RecipientCertificate;

/** {@code sealmail account set|show|enable|disable|list}: per-account encryption settings. */
final class AccountCommand implements Command {

    private static final byte[] PROBE = "sealmail test encryption\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "account";
    }

    @Override
    public String summary() {
        return "keep per-account certificates and cipher: set, show, enable, disable, list";
    }

    @Override
    public String usage() {
        return """
                usage: sealmail account set USER --cert FILE [--cert FILE]... [--cipher NAME] [--oaep]
                                            [--rid issuer-serial|ski]
                                            [--password-env VAR | --password-file FILE] [--store DIR]
                       sealmail account show USER [--store DIR]
                       sealmail account enable USER [--store DIR]
                       sealmail account disable USER [--store DIR]
                       sealmail account list [--store DIR]

                set      checks the certificates as `sealmail certs` does, encrypts a test message to
                         each, then stores them with the cipher (default aes256-cbc; also
                         aes128-cbc, and aes256-gcm, aes128-gcm, chacha20-poly1305, which detect
                         changes but which Thunderbird and gpgsm cannot open) and turns
                         encryption on. --oaep and --rid are stored too and mean what they mean for
                         `sealmail encrypt`; --rid ski refuses a certificate without a subject key
                         identifier. A PKCS#12 file may be given as --cert: its certificate is
                         taken (password from --password-env/--password-file), its key is not stored.
                show     on or off, the cipher, oaep, recipient-id, and one line per certificate as
                         `sealmail certs`
                enable   turn encryption on again; disable: turn it off (messages pass unchanged)
                list     the accounts, one per line

                USER is a login or an email address (case does not matter).
                --store DIR   the settings folder; default $SEALMAIL_HOME, else ~/.sealmail

                exit: 0 ok, 64 usage, 65 refused certificate or bad name, 66 cannot read a file,
                      67 no such account, 75 the store cannot be read or written, 77 permission denied
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        if (args.isEmpty()) {
            throw new UsageException("give a sub-command: set, show, enable, disable or list");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "set" -> set(rest, console);
            case "show" -> show(rest, console);
            case "enable" -> setEncryption(rest, console, true);
            case "disable" -> setEncryption(rest, console, false);
            case "list" -> list(rest, console);
            default -> throw new UsageException("unknown sub-command \"" + args.get(0)
                    + "\"; use set, show, enable, disable or list");
        };
    }

    private int set(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args, Set.of("--cert", "--cipher", "--rid", StoreOption.OPTION,
                PasswordSource.ENV_OPTION, PasswordSource.FILE_OPTION), Set.of("--oaep"));
        String user = onlyUser(parsed);
        if (parsed.all("--cert").isEmpty()) {
            throw new UsageException("give at least one --cert FILE");
        }
        ContentCipher cipher = EncryptCommand.cipher(parsed.single("--cipher"));
        RecipientOptions options = EncryptCommand.recipientOptions(parsed);
        String name = AccountName.normalize(user);
        char[] password = PasswordSource.read(parsed, System.getenv());
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateBundle bundle = RecipientFiles.load(parsed.all("--cert"), "account", console, password);
            // Refuses, before any warning or test, a certificate that --rid ski cannot name.
            new EnvelopedDataWriter(bundle, cipher, options);
            for (String warning : PeerCompatibility.warnings(bundle, options, cipher)) {
                console.note("account", "warning: " + warning);
            }
            for (RecipientCertificate certificate : bundle.certificates()) {
                certificates.add(certificate.certificate());
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        for (int i = 0; i < certificates.size(); i++) {
            testEncryption(certificates.get(i), cipher, options, i + 1, certificates.size());
        }
        AccountStore store = StoreOption.openOrCreate(parsed);
        store.save(new Account(name, certificates, cipher, true, options));
        console.stdout().println("stored " + name + ": " + certificates.size()
                + (certificates.size() == 1 ? " certificate" : " certificates") + ", cipher " + cipher.cliName()
                + (options.oaep() ? ", oaep" : "")
                + (options.idForm() == RecipientIdForm.ISSUER_SERIAL ? "" : ", recipient-id " + options.idForm().cliName())
                + ", encryption on");
        return ExitCode.OK;
    }

    /** As Stalwart does before it stores a certificate: prove a message can be encrypted to it. */
    private static void testEncryption(X509Certificate certificate, ContentCipher cipher, RecipientOptions options,
            int index, int count) throws CommandFailure {
        try {
            new EnvelopedDataWriter(CertificateBundle.of(List.of(certificate)), cipher, options)
                    .encrypt(new ByteArrayInputStream(PROBE), OutputStream.nullOutputStream());
        } catch (SmimeException e) {
            throw new CommandFailure(ExitCode.DATA_ERROR, "certificate " + index + " of " + count
                    + ": test encryption failed: " + e.getMessage());
        }
    }

    private int show(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args, Set.of(StoreOption.OPTION), Set.of());
        String user = onlyUser(parsed);
        Account account = existing(StoreOption.openExisting(parsed), user);
        console.stdout().println("account: " + account.name());
        console.stdout().println("encryption: " + (account.encryptionOn() ? "on" : "off"));
        console.stdout().println("cipher: " + account.cipher().cliName());
        RecipientOptions options = account.recipientOptions();
        console.stdout().println("oaep: " + (options.oaep() ? "on"
                : account.cipher().authenticated() ? "on (always, with " + account.cipher().cliName() + ")" : "off"));
        console.stdout().println("recipient-id: " + options.idForm().cliName());
        CertificateBundle bundle = CertificateBundle.of(account.certificates());
        for (String warning : bundle.warnings()) {
            console.note(name(), "warning: " + warning);
        }
        for (RecipientCertificate certificate : bundle.certificates()) {
            console.stdout().println(certificate.describe());
        }
        return ExitCode.OK;
    }

    private int setEncryption(List<String> args, Console console, boolean on)
            throws UsageException, CommandFailure, SmimeException {
        Arguments parsed = Arguments.parse(args, Set.of(StoreOption.OPTION), Set.of());
        String name = AccountName.normalize(onlyUser(parsed));
        Optional<AccountStore> store = StoreOption.openExisting(parsed);
        if (store.isEmpty() || !store.get().setEncryption(name, on)) {
            throw noSuchAccount(name);
        }
        console.stdout().println(name + ": encryption " + (on ? "on" : "off"));
        return ExitCode.OK;
    }

    private int list(List<String> args, Console console) throws UsageException, SmimeException {
        Arguments parsed = Arguments.parse(args, Set.of(StoreOption.OPTION), Set.of());
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + parsed.operands().get(0) + "\"");
        }
        Optional<AccountStore> store = StoreOption.openExisting(parsed);
        for (String name : store.isPresent() ? store.get().list() : List.<String>of()) {
            console.stdout().println(name);
        }
        return ExitCode.OK;
    }

    private static String onlyUser(Arguments parsed) throws UsageException {
        if (parsed.operands().size() != 1) {
            throw new UsageException(parsed.operands().isEmpty() ? "give the account: USER"
                    : "give one account, not " + parsed.operands().size());
        }
        return parsed.operands().get(0);
    }

    /** The account in {@code store}; exit 67 when either is missing. */
    static Account existing(Optional<AccountStore> store, String user) throws SmimeException, CommandFailure {
        Optional<Account> account = store.isPresent() ? store.get().find(user) : Optional.empty();
        if (account.isEmpty()) {
            throw noSuchAccount(AccountName.normalize(user));
        }
        return account.get();
    }

    private static CommandFailure noSuchAccount(String name) {
        return new CommandFailure(ExitCode.NO_SUCH_USER, "no account " + name
                + "; create it with: sealmail account set " + name + " --cert FILE");
    }
}
