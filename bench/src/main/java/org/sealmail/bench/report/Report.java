package org.sealmail.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns a JMH JSON result file (and optionally bench/vs-openssl.sh's medians) into
 * bench/RESULTS.md: MB/s per size and cipher, ratios to the JCE ceiling and to Bouncy Castle,
 * and the targets of issue 6, met or missed. It only reports: nothing here changes a number.
 *
 * <pre>java -cp benchmarks.jar org.sealmail.bench.report.Report --json FILE --out FILE
 *     [--cli FILE] [--notes FILE] [--label TEXT]</pre>
 */
public final class Report {

    static final List<Integer> SIZES = List.of(4096, 65536, 1048576, 16777216);
    static final List<String> CIPHERS = List.of("aes128-cbc", "aes256-cbc");
    static final int TARGET_SIZE = 16777216;
    static final int SMALL_SIZE = 4096;
    static final List<Integer> RECIPIENTS = List.of(1, 3, 10);
    private static final String NONE = "–";

    /** Where and when the run was made. */
    record Machine(String cpu, int cores, String date) {
    }

    private record Target(String what, OptionalDouble measured, double bound, boolean atLeast) {
        Optional<Boolean> met() {
            if (measured.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(atLeast ? measured.getAsDouble() >= bound : measured.getAsDouble() <= bound);
        }
    }

    private final Scores scores;
    private final Optional<CliComparison> cli;
    private final StringBuilder out = new StringBuilder();

    private Report(Scores scores, Optional<CliComparison> cli) {
        this.scores = scores;
        this.cli = cli;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args, List.of("--json", "--out"),
                List.of("--json", "--out", "--cli", "--notes", "--label"));
        Scores scores = Scores.fromJmhJson(Files.readString(Path.of(options.get("--json"))));
        Optional<CliComparison> cli = Optional.ofNullable(options.get("--cli"))
                .map(Path::of).filter(Files::exists).map(Report::read).map(CliComparison::parse);
        String notes = Optional.ofNullable(options.get("--notes")).map(Path::of).filter(Files::exists)
                .map(Report::read).orElse("");
        String markdown = render(scores, machine(), cli, notes, options.getOrDefault("--label", ""));
        Files.writeString(Path.of(options.get("--out")), markdown, StandardCharsets.UTF_8);
    }

    static String render(Scores scores, Machine machine, Optional<CliComparison> cli, String notes, String label) {
        return new Report(scores, cli).write(machine, notes, label);
    }

    private String write(Machine machine, String notes, String label) {
        line("# sealmail benchmark results");
        line("");
        if (!label.isBlank()) {
            line("> **" + label + "**");
            line("");
        }
        Scores.Settings settings = scores.settings();
        line("Machine: " + machine.cpu() + ", " + machine.cores() + " cores. JDK " + settings.jdkVersion()
                + " (" + settings.vm() + "). Date: " + machine.date() + ".");
        line("JMH " + settings.jmhVersion() + ", all benchmarks in one run: " + settings.forks() + " fork(s), warmup "
                + settings.warmup() + ", measurement " + settings.measurement() + ". Made by `bench/run.sh`.");
        line("");
        line("MB/s = 10^6 bytes of message (plaintext) per second; output goes to a null stream, so no I/O is "
                + "measured. One RSA-2048 recipient (testdata/pki/rsa2048). sealmail and Bouncy Castle write or read "
                + "a whole S/MIME message (EnvelopedData in base64 76-column lines); the JCE ceiling is AES-CBC alone "
                + "over the same bytes, `Cipher.update` in 64 KiB chunks. Bouncy Castle uses its own provider, as "
                + "its CMS examples do.");
        line("");
        throughputTable("Encryption", "EncryptBenchmark");
        throughputTable("Decryption", "DecryptBenchmark");
        smallMessages();
        recipients();
        bouncyCastleOnJdkAes();
        cliComparison();
        List<Target> targets = targets();
        targetTable(targets);
        missed(targets, notes);
        return out.toString();
    }

    private void throughputTable(String title, String benchmark) {
        line("## " + title);
        line("");
        line("| cipher | size | sealmail MB/s | JCE AES-CBC MB/s | Bouncy Castle MB/s | sealmail / JCE | sealmail / Bouncy Castle |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        for (String cipher : CIPHERS) {
            for (int size : SIZES) {
                OptionalDouble sealmail = megabytesPerSecond(benchmark + ".sealmail", cipher, size);
                OptionalDouble jce = megabytesPerSecond(benchmark + ".jce", cipher, size);
                OptionalDouble bouncyCastle = megabytesPerSecond(benchmark + ".bouncyCastle", cipher, size);
                line("| " + cipher + " | " + sizeName(size) + " | " + format(sealmail, "%.1f") + " | "
                        + format(jce, "%.1f") + " | " + format(bouncyCastle, "%.1f") + " | "
                        + format(ratio(sealmail, jce), "%.2f") + " | " + format(ratio(sealmail, bouncyCastle), "%.2f") + " |");
            }
        }
        line("");
    }

    private void smallMessages() {
        line("## Small messages (" + sizeName(SMALL_SIZE) + ", one RSA-2048 recipient)");
        line("");
        line("| operation | cipher | sealmail messages/s | Bouncy Castle messages/s | sealmail / Bouncy Castle |");
        line("|---|---|---:|---:|---:|");
        for (String operation : List.of("encrypt", "decrypt")) {
            String benchmark = operation.equals("encrypt") ? "EncryptBenchmark" : "DecryptBenchmark";
            for (String cipher : CIPHERS) {
                OptionalDouble sealmail = scores.opsPerSecond(benchmark + ".sealmail", params(cipher, SMALL_SIZE));
                OptionalDouble bouncyCastle = scores.opsPerSecond(benchmark + ".bouncyCastle", params(cipher, SMALL_SIZE));
                line("| " + operation + " | " + cipher + " | " + format(sealmail, "%.0f") + " | "
                        + format(bouncyCastle, "%.0f") + " | " + format(ratio(sealmail, bouncyCastle), "%.2f") + " |");
            }
        }
        line("");
    }

    private void recipients() {
        line("## Cost of recipients (" + sizeName(SMALL_SIZE) + " message, aes256-cbc, RSA-2048 certificates)");
        line("");
        line("| recipients | encrypt messages/s | time per message vs 1 recipient | decrypt messages/s (last recipient's key) |");
        line("|---:|---:|---:|---:|");
        OptionalDouble one = scores.opsPerSecond("RecipientsBenchmark.encrypt", Map.of("recipients", "1"));
        for (int count : RECIPIENTS) {
            Map<String, String> params = Map.of("recipients", String.valueOf(count));
            OptionalDouble encrypt = scores.opsPerSecond("RecipientsBenchmark.encrypt", params);
            OptionalDouble decrypt = scores.opsPerSecond("RecipientsBenchmark.decrypt", params);
            line("| " + count + " | " + format(encrypt, "%.0f") + " | " + format(ratio(one, encrypt), "%.2f") + " x | "
                    + format(decrypt, "%.0f") + " |");
        }
        line("");
    }

    private void bouncyCastleOnJdkAes() {
        line("## Bouncy Castle on the JDK's AES (" + sizeName(TARGET_SIZE) + ")");
        line("");
        line("The same Bouncy Castle code with provider SunJCE instead of its own: how much of its gap is its AES.");
        line("");
        line("| cipher | encrypt MB/s | sealmail / it | decrypt MB/s | sealmail / it |");
        line("|---|---:|---:|---:|---:|");
        for (String cipher : CIPHERS) {
            OptionalDouble encrypt = megabytesPerSecond("BouncyCastleJdkAesBenchmark.encrypt", cipher, TARGET_SIZE);
            OptionalDouble decrypt = megabytesPerSecond("BouncyCastleJdkAesBenchmark.decrypt", cipher, TARGET_SIZE);
            OptionalDouble sealmailEncrypt = megabytesPerSecond("EncryptBenchmark.sealmail", cipher, TARGET_SIZE);
            OptionalDouble sealmailDecrypt = megabytesPerSecond("DecryptBenchmark.sealmail", cipher, TARGET_SIZE);
            line("| " + cipher + " | " + format(encrypt, "%.1f") + " | " + format(ratio(sealmailEncrypt, encrypt), "%.2f")
                    + " | " + format(decrypt, "%.1f") + " | " + format(ratio(sealmailDecrypt, decrypt), "%.2f") + " |");
        }
        line("");
    }

    private void cliComparison() {
        line("## Whole process: sealmail CLI against openssl cms");
        line("");
        if (cli.isEmpty()) {
            line("Not measured in this run (`bench/run.sh` without `--no-cli` runs `bench/vs-openssl.sh`).");
            line("");
            return;
        }
        if (!cli.get().note().isEmpty()) {
            line(cli.get().note());
            line("");
        }
        line("| operation | sealmail wall s | openssl wall s | sealmail / openssl | sealmail peak RSS MB | openssl peak RSS MB |");
        line("|---|---:|---:|---:|---:|---:|");
        for (String operation : List.of("encrypt", "decrypt")) {
            Optional<CliComparison.Run> sealmail = cli.get().run(operation, "sealmail");
            Optional<CliComparison.Run> openssl = cli.get().run(operation, "openssl");
            line("| " + operation + " | " + format(wall(sealmail), "%.2f") + " | " + format(wall(openssl), "%.2f") + " | "
                    + format(ratio(wall(sealmail), wall(openssl)), "%.2f") + " | " + format(rssMegabytes(sealmail), "%.0f")
                    + " | " + format(rssMegabytes(openssl), "%.0f") + " |");
        }
        line("");
    }

    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (String operation : List.of("encrypt", "decrypt")) {
            String benchmark = operation.equals("encrypt") ? "EncryptBenchmark" : "DecryptBenchmark";
            for (String cipher : CIPHERS) {
                OptionalDouble sealmail = megabytesPerSecond(benchmark + ".sealmail", cipher, TARGET_SIZE);
                String what = operation + " " + cipher + ", " + sizeName(TARGET_SIZE) + ": sealmail / ";
                targets.add(new Target(what + "JCE AES-CBC", ratio(sealmail,
                        megabytesPerSecond(benchmark + ".jce", cipher, TARGET_SIZE)), 0.70, true));
                targets.add(new Target(what + "Bouncy Castle", ratio(sealmail,
                        megabytesPerSecond(benchmark + ".bouncyCastle", cipher, TARGET_SIZE)), 2.0, true));
            }
        }
        for (String operation : List.of("encrypt", "decrypt")) {
            Optional<CliComparison.Run> sealmail = cli.flatMap(c -> c.run(operation, "sealmail"));
            Optional<CliComparison.Run> openssl = cli.flatMap(c -> c.run(operation, "openssl"));
            targets.add(new Target("CLI " + operation + " (vs-openssl.sh message): wall time sealmail / openssl cms",
                    ratio(wall(sealmail), wall(openssl)), operation.equals("encrypt") ? 1.2 : 0.5, false));
            targets.add(new Target("CLI " + operation + " (vs-openssl.sh message): sealmail peak RSS in MB (part 1)",
                    rssMegabytes(sealmail), 150, false));
        }
        return targets;
    }

    private void targetTable(List<Target> targets) {
        line("## Targets of issue 6");
        line("");
        line("| target | measured | required | met |");
        line("|---|---:|---:|---|");
        for (Target target : targets) {
            String met = target.met().map(yes -> yes ? "met" : "**missed**").orElse("not measured");
            line("| " + target.what() + " | " + format(target.measured(), "%.2f") + " | "
                    + (target.atLeast() ? ">= " : "<= ") + formatNumber(target.bound()) + " | " + met + " |");
        }
        line("");
    }

    private void missed(List<Target> targets, String notes) {
        line("## Where a target is missed, and why");
        line("");
        List<Target> missed = targets.stream().filter(t -> t.met().orElse(true).equals(false)).toList();
        if (missed.isEmpty()) {
            line("No measured target is missed.");
        } else {
            for (Target target : missed) {
                line("- " + target.what() + ": " + format(target.measured(), "%.2f") + ", required "
                        + (target.atLeast() ? ">= " : "<= ") + formatNumber(target.bound()) + ".");
            }
        }
        line("");
        if (!notes.isBlank()) {
            out.append(notes.strip()).append('\n');
        }
    }

    private OptionalDouble megabytesPerSecond(String benchmark, String cipher, int size) {
        OptionalDouble ops = scores.opsPerSecond(benchmark, params(cipher, size));
        return ops.isPresent() ? OptionalDouble.of(ops.getAsDouble() * size / 1e6) : OptionalDouble.empty();
    }

    private static Map<String, String> params(String cipher, int size) {
        return Map.of("cipher", cipher, "size", String.valueOf(size));
    }

    private static OptionalDouble ratio(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty() || b.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(a.getAsDouble() / b.getAsDouble());
    }

    private static OptionalDouble wall(Optional<CliComparison.Run> run) {
        return run.map(r -> OptionalDouble.of(r.wallSeconds())).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble rssMegabytes(Optional<CliComparison.Run> run) {
        return run.map(r -> OptionalDouble.of(r.peakRssKib() * 1024 / 1e6)).orElse(OptionalDouble.empty());
    }

    static String sizeName(int size) {
        return size >= 1 << 20 ? size / (1 << 20) + " MiB" : size / 1024 + " KiB";
    }

    private static String format(OptionalDouble value, String pattern) {
        return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble()) : NONE;
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static Machine machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: the CPU stays unnamed
        }
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), LocalDate.now(ZoneOffset.UTC).toString());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
