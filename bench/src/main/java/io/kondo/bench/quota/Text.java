package io.kondo.bench.quota;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The reports' number formats, markdown tables, and the machine they were measured on. */
final class Text {

    static final double KIB = 1024.0;
    static final double MIB = 1024.0 * 1024.0;

    private Text() {
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(double ratio) {
        return fixed(ratio * 100, 1) + "%";
    }

    static String mib(long bytes) {
        return fixed(bytes / MIB, 1) + " MiB";
    }

    static String verdict(boolean met) {
        return met ? "met" : "not met";
    }

    /** A markdown table. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(row(header));
        out.append(header.stream().map(h -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
        rows.forEach(r -> out.append(row(r)));
        return out.toString();
    }

    private static String row(List<String> cells) {
        return String.join(" | ", cells).transform(s -> "| " + s + " |\n");
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Processors, CPU model and Java, in one line. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " processors, " + cpuModel() + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
