package org.sealmail.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/** The scores of one JMH run (its JSON result file), looked up by benchmark and parameters. */
final class Scores {

    /** One benchmark with one set of parameters: "EncryptBenchmark.sealmail", {cipher=aes128-cbc, size=4096}. */
    record Score(String benchmark, Map<String, String> params, double opsPerSecond) {
    }

    /** How the run was made, from the first result: JDK, VM, JMH settings. */
    record Settings(String jmhVersion, String jdkVersion, String vm, String forks, String warmup, String measurement) {
    }

    private final List<Score> scores;
    private final Settings settings;

    private Scores(List<Score> scores, Settings settings) {
        this.scores = List.copyOf(scores);
        this.settings = settings;
    }

    @SuppressWarnings("unchecked")
    static Scores fromJmhJson(String json) {
        List<Object> results = (List<Object>) Json.parse(json);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("the JMH result file holds no benchmark");
        }
        List<Score> scores = new ArrayList<>();
        for (Object item : results) {
            Map<String, Object> result = (Map<String, Object>) item;
            Map<String, Object> metric = (Map<String, Object>) result.get("primaryMetric");
            if (!"ops/s".equals(metric.get("scoreUnit"))) {
                throw new IllegalArgumentException(result.get("benchmark") + ": score in " + metric.get("scoreUnit")
                        + "; the report needs ops/s (throughput mode, seconds)");
            }
            Map<String, String> params = new LinkedHashMap<>();
            Object rawParams = result.get("params");
            if (rawParams != null) {
                ((Map<String, Object>) rawParams).forEach((name, value) -> params.put(name, String.valueOf(value)));
            }
            scores.add(new Score(shortName((String) result.get("benchmark")), params,
                    number(metric.get("score"))));
        }
        Map<String, Object> first = (Map<String, Object>) results.get(0);
        Settings settings = new Settings(text(first, "jmhVersion"), text(first, "jdkVersion"),
                text(first, "vmName") + " " + text(first, "vmVersion"), count(first, "forks"),
                count(first, "warmupIterations") + " x " + text(first, "warmupTime"),
                count(first, "measurementIterations") + " x " + text(first, "measurementTime"));
        return new Scores(scores, settings);
    }

    Settings settings() {
        return settings;
    }

    /** Operations per second of {@code benchmark} with exactly these parameter values, if it ran. */
    OptionalDouble opsPerSecond(String benchmark, Map<String, String> params) {
        for (Score score : scores) {
            if (score.benchmark().equals(benchmark) && score.params().equals(params)) {
                return OptionalDouble.of(score.opsPerSecond());
            }
        }
        return OptionalDouble.empty();
    }

    /** "org.sealmail.bench.EncryptBenchmark.sealmail" -> "EncryptBenchmark.sealmail". */
    private static String shortName(String benchmark) {
        String[] parts = Objects.requireNonNull(benchmark, "benchmark").split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** JMH writes a number, or "NaN" as a string. */
    private static double number(Object value) {
        return value instanceof Double d ? d : Double.parseDouble(String.valueOf(value));
    }

    private static String text(Map<String, Object> result, String name) {
        return String.valueOf(result.get(name));
    }

    private static String count(Map<String, Object> result, String name) {
        Object value = result.get(name);
        return value instanceof Double d ? String.valueOf(d.longValue()) : String.valueOf(value);
    }
}
