package org.sealmail.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;
import org.sealmail.core.fuzz.FuzzTarget;
import org.sealmail.core.fuzz.FuzzTargets;
import org.sealmail.core.fuzz.Fuzzer;

/**
 * {@code sealmail inspect} fed mutated CMS objects and S/MIME messages through the tool's entry
 * point: exit 0, or 65 with one line on stderr. Anything else (70 internal error, 75 out of
 * memory, a stack trace) fails with a reproducer, as in core's FuzzTest.
 */
class InspectFuzzTest {

    private static final int CI_MUTATIONS = 3000;

    /** The adapter: inspect as the shell runs it; a refusal becomes the library's bad-input error. */
    static FuzzTarget inspect() {
        return FuzzTarget.of("inspect", input -> {
            CliRun run = CliRun.of(input, "inspect");
            if (run.exitCode() == ExitCode.OK) {
                return;
            }
            if (run.exitCode() == ExitCode.DATA_ERROR && run.stderrIsOneLine()) {
                throw SmimeException.badInput(run.stderr());
            }
            throw new IllegalStateException("exit " + run.exitCode() + ": " + run.stderr());
        });
    }

    @Test
    void inspectSurvivesMutatedCmsObjectsAndMessages() {
        List<byte[]> seeds = new ArrayList<>(FuzzTargets.cmsSeeds());
        seeds.addAll(FuzzTargets.smimeMessageSeeds());
        Fuzzer.Tally tally = new Fuzzer(inspect()).run(seeds, Fuzzer.iterations(CI_MUTATIONS));
        System.out.println("fuzz inspect: " + tally);
        assertTrue(tally.accepted() >= seeds.size(), tally.toString());
    }
}
