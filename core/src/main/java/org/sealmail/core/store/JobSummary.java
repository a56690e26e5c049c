package org.sealmail.core.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bulk job did to a Maildir tree.
 *
 * @param replaced     messages replaced by their new version (in a dry run: that would be)
 * @param unchanged    messages left as they are because nothing was to be done, by reason (sorted)
 * @param failures     messages left as they are because they could not be processed
 * @param changed      messages a mail reader renamed while the job worked; the next run does them
 * @param vanished     messages deleted while the job worked
 * @param staleRemoved files a killed earlier run left in tmp/, now removed
 */
public record JobSummary(boolean dryRun, int total, int replaced, Map<String, Integer> unchanged,
        List<Failure> failures, int changed, int vanished, int staleRemoved) {

    /**
     * One message left as it is.
     *
     * @param file relative to the tree's root
     * @param io   true for a read or write failure, which a later run may not have
     */
    public record Failure(Path file, String reason, boolean io) {
    }

    public JobSummary {
        unchanged = Collections.unmodifiableMap(new TreeMap<>(unchanged));
        failures = List.copyOf(failures);
    }

    public int unchangedCount() {
        return unchanged.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** True when some message failed to be read or written, or changed under the job: run again. */
    public boolean needsAnotherRun() {
        return changed > 0 || failures.stream().anyMatch(Failure::io);
    }
}
