package org.sealmail.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every parser that reads what strangers send, fed mutated real inputs: each input must end in
 * success or a {@link org.sealmail.core.SmimeException}, within the time limit. A failure names
 * the input number and a reproducer file. {@code -Dfuzz.iterations=N} runs more.
 */
class FuzzTest {

    private static final int CI_MUTATIONS = 3000;

    @Test
    void certificateImportSurvivesMutatedCertificates() {
        fuzz(FuzzTargets.certificates(), FuzzTargets.certificateSeeds());
    }

    @Test
    void privateKeyLoadingSurvivesMutatedKeyFiles() {
        fuzz(FuzzTargets.privateKeys(), FuzzTargets.privateKeySeeds());
    }

    @Test
    void cmsReadingSurvivesMutatedBerAndDer() {
        fuzz(FuzzTargets.cms(), FuzzTargets.cmsSeeds());
    }

    @Test
    void smimeReadingSurvivesMutatedMessages() {
        fuzz(FuzzTargets.smimeMessage(), FuzzTargets.smimeMessageSeeds());
    }

    @Test
    void headerSplittingSurvivesMutatedMessages() {
        fuzz(FuzzTargets.headerSplit(), FuzzTargets.headerSplitSeeds());
    }

    private static void fuzz(FuzzTarget target, List<byte[]> seeds) {
        long start = System.nanoTime();
        Fuzzer.Tally tally = new Fuzzer(target).run(seeds, Fuzzer.iterations(CI_MUTATIONS));
        System.out.printf("fuzz %s: %s in %d ms%n", target.name(), tally, (System.nanoTime() - start) / 1_000_000);
        // The seeds themselves are read, so the run reached past the first checks.
        assertTrue(tally.accepted() >= seeds.size(), target.name() + ": " + tally);
    }
}
