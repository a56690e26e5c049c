package org.sealmail.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The medians bench/vs-openssl.sh measured, one line per operation and tool:
 * {@code encrypt<TAB>sealmail<TAB>wall seconds<TAB>peak RSS in KiB}; lines starting with '#' are comments.
 */
final class CliComparison {

    record Run(double wallSeconds, long peakRssKib) {
    }

    private final Map<String, Run> runs;
    private final String note;

    private CliComparison(Map<String, Run> runs, String note) {
        this.runs = runs;
        this.note = note;
    }

    static CliComparison parse(String tsv) {
        Map<String, Run> runs = new LinkedHashMap<>();
        StringBuilder note = new StringBuilder();
        int number = 0;
        for (String line : tsv.split("\n")) {
            number++;
            if (line.startsWith("#")) {
                note.append(line.substring(1).strip()).append(' ');
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 4) {
                throw new IllegalArgumentException("line " + number + ": expected operation, tool, wall seconds, "
                        + "peak RSS KiB separated by tabs; got \"" + line + "\"");
            }
            runs.put(fields[0] + "/" + fields[1], new Run(Double.parseDouble(fields[2]), Long.parseLong(fields[3])));
        }
        return new CliComparison(runs, note.toString().strip());
    }

    /** e.g. run("encrypt", "openssl"). */
    Optional<Run> run(String operation, String tool) {
        return Optional.ofNullable(runs.get(operation + "/" + tool));
    }

    /** What the comment lines say (message size, runs), or "". */
    String note() {
        return note;
    }
}
