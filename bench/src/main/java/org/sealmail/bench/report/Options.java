package org.sealmail.bench.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "--name value" pairs from a command line, with the required ones checked. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args, List<String> required, List<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: " + String.join(" VALUE ", known) + " VALUE; got " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        for (String name : required) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException(name + " is required");
            }
        }
        return options;
    }
}
