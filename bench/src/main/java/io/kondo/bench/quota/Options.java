package io.kondo.bench.quota;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Command-line options of the form {@code --name value}; unknown names and missing values are refused. */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param known the option names (without dashes) the main accepts
     * @throws IllegalArgumentException on an unknown option or one without a value
     */
    static Options parse(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: --" + String.join(", --", known));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            values.put(arg.substring(2), args[++i]);
        }
        return new Options(values);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    double decimal(String name, double fallback) {
        String value = values.get(name);
        return value == null ? fallback : Double.parseDouble(value);
    }

    Duration seconds(String name, long fallbackSeconds) {
        String value = values.get(name);
        return Duration.ofSeconds(value == null ? fallbackSeconds : Long.parseLong(value));
    }

    Path path(String name, String fallback) {
        return Path.of(values.getOrDefault(name, fallback));
    }
}
