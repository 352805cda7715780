package io.kondo.bench.quota;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects on the heap by class ({@code jcmd GC.class_histogram}, taken in-process through
 * the {@code DiagnosticCommand} MBean; it runs a full collection first), to tell what grew between
 * two points of a run.
 */
final class HeapHistogram {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** One class's live instances and their bytes. */
    record Entry(String className, long instances, long bytes) {
    }

    /** Growth of one class between two histograms. */
    record Growth(String className, long instances, long bytes) {
    }

    private final Map<String, Entry> byClass;

    private HeapHistogram(Map<String, Entry> byClass) {
        this.byClass = byClass;
    }

    /** No histogram taken. */
    static HeapHistogram none() {
        return new HeapHistogram(Map.of());
    }

    /** Takes a histogram now, or an empty one if the JVM does not offer the diagnostic command. */
    static HeapHistogram take() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, Entry> byClass = new HashMap<>();
            for (String line : text.split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    Entry entry = new Entry(row.group(3), Long.parseLong(row.group(1)), Long.parseLong(row.group(2)));
                    byClass.merge(entry.className(), entry, (a, b) -> new Entry(a.className(),
                            a.instances() + b.instances(), a.bytes() + b.bytes()));
                }
            }
            return new HeapHistogram(byClass);
        } catch (JMException | RuntimeException e) {
            return none();
        }
    }

    /**
     * Writes the histogram to {@code file}, so that a run need not keep it on the heap it measures
     * ({@link #read} brings it back).
     */
    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Entry entry : byClass.values()) {
            lines.add(entry.instances() + " " + entry.bytes() + " " + entry.className());
        }
        Files.write(file, lines);
    }

    static HeapHistogram read(Path file) throws IOException {
        Map<String, Entry> byClass = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ", 3);
            byClass.put(f[2], new Entry(f[2], Long.parseLong(f[0]), Long.parseLong(f[1])));
        }
        return new HeapHistogram(byClass);
    }

    boolean isEmpty() {
        return byClass.isEmpty();
    }

    /** Live instances of the class named {@code className}, 0 if none. */
    long instances(String className) {
        Entry entry = byClass.get(className);
        return entry == null ? 0 : entry.instances();
    }

    long totalBytes() {
        return byClass.values().stream().mapToLong(Entry::bytes).sum();
    }

    /** The {@code limit} classes whose bytes grew most from {@code earlier} to this one. */
    List<Growth> largestGrowthSince(HeapHistogram earlier, int limit) {
        List<Growth> growth = new ArrayList<>();
        for (Entry now : byClass.values()) {
            Entry before = earlier.byClass.get(now.className());
            long bytes = now.bytes() - (before == null ? 0 : before.bytes());
            long instances = now.instances() - (before == null ? 0 : before.instances());
            growth.add(new Growth(now.className(), instances, bytes));
        }
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        return growth.subList(0, Math.min(limit, growth.size()));
    }
}
