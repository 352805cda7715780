package io.kondo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway against direct access to the backing cluster, in one process: an embedded 3-node
 * cluster in a temporary directory, one tenant, and per setting (RF 3 with acks=all; RF 1 with
 * acks=1) a gateway, full-speed produce and consume rounds and half-load latency rounds on both
 * routes alternately. Prints a markdown report and writes it to {@code --out}.
 */
public final class GatewayBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayBenchmark.class);
    private static final long PAYLOAD_SEED = 20261121L;
    private static final int RECORD_BYTES = 1024;
    private static final int PAYLOAD_POOL = 1024;

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        // Counted before --broker-cpus pins this process to fewer of them.
        int processors = Runtime.getRuntime().availableProcessors();
        LocalDateTime startedAt = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        long start = System.nanoTime();
        double loadBefore = ProcessCpu.loadAverage();
        Payloads payloads = new Payloads(PAYLOAD_SEED, RECORD_BYTES, PAYLOAD_POOL);
        LoadWatch load = new LoadWatch();
        List<SettingResults> results = new ArrayList<>();
        Path dataDir = Files.createTempDirectory("kondo-bench-");
        try (BenchPlatform platform = BenchPlatform.start(dataDir)) {
            if (options.placement().isPresent()) {
                platform.place(options.placement().get());
            }
            for (BenchSetting setting : options.settings()) {
                LOG.info("Measuring setting={}", setting.label());
                results.add(new SettingBenchmark(platform, setting, options, payloads, load).run());
            }
        } finally {
            deleteRecursively(dataDir);
        }
        Report.Environment environment = new Report.Environment(startedAt.toString(),
                processors, cpuModel(), System.getProperty("java.version"), loadBefore,
                ProcessCpu.loadAverage(), load, (System.nanoTime() - start) / 1_000_000_000L);
        String report = Report.render(options, environment, results);
        System.out.println(report);
        Path parent = options.output().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(options.output(), report);
        LOG.info("Report written to {}", options.output().toAbsolutePath());
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the benchmark's data directory " + dir, e);
        }
    }
}
