package org.sealmail.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} or {@code --name=value} options (some repeatable),
 * {@code --flag} switches and positional operands. What a command accepts is declared up front,
 * so a typo is a usage error rather than something silently ignored.
 */
final class Arguments {

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments() {
    }

    /**
     * @param valued  options that take a value, e.g. "--cert"
     * @param flags   options that take none, e.g. "--der"
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        boolean onlyOperands = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyOperands || !arg.startsWith("--") || arg.equals("-")) {
                parsed.operands.add(arg);
            } else if (arg.equals("--")) {
                onlyOperands = true;
            } else {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (flags.contains(name)) {
                    if (equals >= 0) {
                        throw new UsageException(name + " takes no value");
                    }
                    parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add("");
                } else if (valued.contains(name)) {
                    String value;
                    if (equals >= 0) {
                        value = arg.substring(equals + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option " + name);
                }
            }
        }
        return parsed;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** Every value given for a repeatable option, in order. */
    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** The value of an option given at most once; null when absent. */
    String single(String name) throws UsageException {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new UsageException(name + " given more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    List<String> operands() {
        return operands;
    }
}
