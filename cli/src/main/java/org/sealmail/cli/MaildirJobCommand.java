package org.sealmail.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sealmail.core.SmimeException;
import org.sealmail.core.store.JobSummary;
import org.sealmail.core.store.MaildirJob;
import org.sealmail.core.store.MessageTransform;

/**
 * What {@code encrypt-maildir} and {@code reencrypt-maildir} share: DIR, the recipients, --jobs,
 * --dry-run, the progress line, the summary and the exit code.
 */
abstract class MaildirJobCommand implements Command {

    static final String JOBS = "--jobs";
    static final String DRY_RUN = "--dry-run";
    static final String PROGRESS = "--progress";
    static final String QUIET = "--quiet";
    private static final int MAX_JOBS = 256;
    private static final int FAILURES_SHOWN = 50;

    /** What the command's "replaced" count is called: "encrypted", "re-encrypted". */
    abstract String replacedLabel();

    /** The options beyond the shared ones. */
    abstract Set<String> moreOptions();

    /** The transform for the recipients. */
    abstract MessageTransform transform(Recipients recipients, Arguments parsed, Console console)
            throws UsageException, CommandFailure, SmimeException;

    @Override
    public final int run(List<String> args, Console console) throws UsageException, CommandFailure, SmimeException {
        Set<String> valued = Stream.concat(moreOptions().stream(),
                Stream.of("--cert", "--cipher", "--account", StoreOption.OPTION, JOBS)).collect(Collectors.toSet());
        Arguments parsed = Arguments.parse(args, valued, Set.of(DRY_RUN, PROGRESS, QUIET));
        if (parsed.operands().size() != 1) {
            throw new UsageException(parsed.operands().isEmpty() ? "give the Maildir: DIR"
                    : "give one Maildir, not " + parsed.operands().size());
        }
        if (parsed.has(PROGRESS) && parsed.has(QUIET)) {
            throw new UsageException("give " + PROGRESS + " or " + QUIET + ", not both");
        }
        int jobs = jobs(parsed.single(JOBS));
        Path root = Path.of(parsed.operands().get(0));
        if (!Files.isDirectory(root)) {
            throw new CommandFailure(ExitCode.NO_INPUT, "cannot open " + root + ": no such folder");
        }
        Optional<Recipients> recipients = EncryptCommand.recipients(parsed, name(), console);
        if (recipients.isEmpty()) {
            console.stdout().println("nothing changed: the account has encryption off");
            return ExitCode.OK;
        }
        MessageTransform transform = transform(recipients.get(), parsed, console);
        boolean dryRun = parsed.has(DRY_RUN);
        boolean showProgress = parsed.has(PROGRESS) || !parsed.has(QUIET) && ProgressLine.stderrIsTerminal();
        ProgressLine line = new ProgressLine(console.stderr(), name());
        JobSummary summary;
        try {
            summary = new MaildirJob(transform, jobs, dryRun).run(root, showProgress ? line : progress -> { });
        } finally {
            line.finish();
        }
        print(summary, console.stdout());
        if (summary.needsAnotherRun()) {
            return ExitCode.TEMPORARY_FAILURE;
        }
        return summary.failures().isEmpty() ? ExitCode.OK : ExitCode.DATA_ERROR;
    }

    private static int jobs(String value) throws UsageException {
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int jobs = Integer.parseInt(value);
            if (jobs >= 1 && jobs <= MAX_JOBS) {
                return jobs;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageException(JOBS + " takes a number of threads from 1 to " + MAX_JOBS + ", not \"" + value + "\"");
    }

    private void print(JobSummary summary, PrintStream out) {
        String would = summary.dryRun() ? "would be " : "";
        out.println("messages: " + summary.total());
        out.println(would + replacedLabel() + ": " + summary.replaced());
        out.println(would + "unchanged: " + summary.unchangedCount());
        for (Map.Entry<String, Integer> reason : summary.unchanged().entrySet()) {
            out.println("  " + OneLine.of(reason.getKey()) + ": " + reason.getValue());
        }
        out.println("failed (left as they are): " + summary.failures().size());
        summary.failures().stream().limit(FAILURES_SHOWN).forEach(failure ->
                out.println("  " + OneLine.of(failure.file().toString()) + ": " + OneLine.of(failure.reason())));
        if (summary.failures().size() > FAILURES_SHOWN) {
            out.println("  and " + (summary.failures().size() - FAILURES_SHOWN) + " more");
        }
        if (summary.changed() > 0) {
            out.println("renamed by a mail reader meanwhile (run again to finish): " + summary.changed());
        }
        if (summary.vanished() > 0) {
            out.println("deleted meanwhile: " + summary.vanished());
        }
        if (summary.staleRemoved() > 0) {
            out.println("leftovers of an interrupted run removed from tmp/: " + summary.staleRemoved());
        }
    }
}
