package io.kondo.bench;

import io.kondo.bench.LatencyRecorder.Percentiles;
import io.kondo.bench.SettingResults.LatencySample;
import io.kondo.bench.SettingResults.ThroughputSample;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The benchmark's results as markdown. */
final class Report {

    private Report() {
    }

    /**
     * Where and how the benchmark ran.
     *
     * @param startedAt     ISO date and time of the start
     * @param cpus          processors available to the JVM at its start (the host's, unless it was started pinned)
     * @param cpuModel      from /proc/cpuinfo
     * @param javaVersion   the benchmark JVM's version
     * @param loadBefore    one-minute load average at the start
     * @param loadAfter     one-minute load average at the end
     * @param loadDuringRuns the load average sampled after every run
     * @param elapsedSeconds wall time of the whole run
     */
    record Environment(String startedAt, int cpus, String cpuModel, String javaVersion, double loadBefore,
                       double loadAfter, LoadWatch loadDuringRuns, long elapsedSeconds) {
    }

    static String render(BenchOptions options, Environment environment, List<SettingResults> results) {
        StringBuilder out = new StringBuilder();
        out.append("# Gateway benchmark\n\n");
        out.append("- started ").append(environment.startedAt()).append(", took ").append(environment.elapsedSeconds())
                .append(" s; ").append(environment.cpus()).append(" CPUs (").append(environment.cpuModel())
                .append("), Java ").append(environment.javaVersion()).append('\n');
        out.append("- load average (1 min) at start ").append(Units.fixed(environment.loadBefore(), 2)).append(", at end ")
                .append(Units.fixed(environment.loadAfter(), 2)).append("; after each run: min ")
                .append(Units.fixed(environment.loadDuringRuns().min(), 2)).append(", mean ")
                .append(Units.fixed(environment.loadDuringRuns().average(), 2)).append(", max ")
                .append(Units.fixed(environment.loadDuringRuns().max(), 2)).append('\n');
        out.append("- ").append(options.rounds()).append(" rounds per route, alternating; full-speed produce runs of ")
                .append(options.produceTime().toSeconds()).append(" s, half-load runs of ")
                .append(options.latencyTime().toSeconds()).append(" s, light-load runs at ")
                .append(Units.fixed(options.lightRate(), 0)).append(" records/s of ")
                .append(options.latencyTime().toSeconds()).append(" s, warm-up ").append(options.warmupTime().toSeconds())
                .append(" s per route; the gateway ran ").append(options.gatewayIoThreads()).append(" I/O thread")
                .append(options.gatewayIoThreads() == 1 ? "" : "s").append('\n');
        out.append("- processors: ").append(options.placement().map(CpuPlacement::toString)
                .orElse("brokers, clients and gateway share all of them")).append('\n');
        out.append("- 1 KiB records, ").append(BenchSetting.PARTITIONS).append(" partitions, one producer / one consumer,")
                .append(" linger.ms=5, batch.size=64 KiB, compression none; MiB = 2^20 bytes of record values\n");
        out.append("- throttle time the gateway's quotas handed the tenant (all runs of a setting):");
        for (SettingResults result : results) {
            out.append(' ').append(result.setting().name()).append(' ').append(Units.fixed(result.gatewayThrottleMs(), 0)).append(" ms;");
        }
        out.setLength(out.length() - 1);
        out.append("\n\n");
        out.append("## Throughput (median of rounds)\n\n").append(throughput(results)).append('\n');
        out.append("## Gateway / direct\n\n").append(ratios(results)).append('\n');
        out.append("## Produce latency, send to acknowledgement (all rounds pooled)\n\n").append(latency(results)).append('\n');
        out.append("## Produce latency the gateway adds, rate-limited producer\n\n").append(addedLatency(results))
                .append('\n');
        out.append("## CPU per GiB moved: the benchmark process (clients, plus the gateway on its route), and the")
                .append(" gateway's I/O threads alone\n\n").append(cpu(results));
        return out.toString();
    }

    private static String throughput(List<SettingResults> results) {
        MarkdownTable table = new MarkdownTable("setting", "route", "produce MiB/s", "produce records/s",
                "consume MiB/s", "consume records/s", "produce MiB/s by round", "consume MiB/s by round");
        for (SettingResults result : results) {
            for (Route route : Route.values()) {
                List<ThroughputSample> samples = result.throughput(route);
                table.row(result.setting().label(), route.label(),
                        Units.fixed(result.medianProduceMib(route), 1), Units.fixed(result.medianProduceRecords(route), 0),
                        Units.fixed(result.medianConsumeMib(route), 1), Units.fixed(result.medianConsumeRecords(route), 0),
                        each(samples, s -> s.produce().mibPerSecond(), 1), each(samples, s -> s.consume().mibPerSecond(), 1));
            }
        }
        return table.toString();
    }

    private static String ratios(List<SettingResults> results) {
        MarkdownTable table = new MarkdownTable("setting", "produce", "consume", "produce, rounds' geomean",
                "consume, rounds' geomean", "produce by round", "consume by round");
        for (SettingResults result : results) {
            List<ThroughputSample> direct = result.throughput(Route.DIRECT);
            List<ThroughputSample> gateway = result.throughput(Route.GATEWAY);
            table.row(result.setting().label(), Units.fixed(result.produceRatio(), 3), Units.fixed(result.consumeRatio(), 3),
                    Units.fixed(pairedMean(direct, gateway, s -> s.produce().mibPerSecond()), 3),
                    Units.fixed(pairedMean(direct, gateway, s -> s.consume().mibPerSecond()), 3),
                    paired(direct, gateway, s -> s.produce().mibPerSecond()),
                    paired(direct, gateway, s -> s.consume().mibPerSecond()));
        }
        return table.toString();
    }

    private static String latency(List<SettingResults> results) {
        MarkdownTable table = new MarkdownTable("setting", "load", "route", "records/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
        for (SettingResults result : results) {
            for (Route route : Route.values()) {
                List<ProduceResult> runs = result.throughput(route).stream().map(ThroughputSample::produce).toList();
                latencyRow(table, result, "saturated", route, runs);
            }
            for (Route route : Route.values()) {
                List<ProduceResult> runs = result.halfLoad(route).stream().map(LatencySample::produce).toList();
                latencyRow(table, result, "half of max", route, runs);
            }
            for (Route route : Route.values()) {
                List<ProduceResult> runs = result.lightLoad(route).stream().map(LatencySample::produce).toList();
                latencyRow(table, result, "light", route, runs);
            }
        }
        return table.toString();
    }

    private static void latencyRow(MarkdownTable table, SettingResults result, String load, Route route,
                                   List<ProduceResult> runs) {
        Percentiles p = LatencyRecorder.pooled(runs.stream().map(ProduceResult::latencies).toList());
        double rate = Units.median(runs.stream().mapToDouble(ProduceResult::recordsPerSecond).toArray());
        table.row(result.setting().label(), load, route.label(), Units.fixed(rate, 0), Units.fixed(p.p50Ms(), 2),
                Units.fixed(p.p99Ms(), 2), Units.fixed(p.p999Ms(), 2), Units.fixed(p.maxMs(), 1));
    }

    private static String addedLatency(List<SettingResults> results) {
        MarkdownTable table = new MarkdownTable("setting", "load", "rate", "direct p99 ms", "gateway p99 ms",
                "added p99 ms", "added p99 ms by round", "added p50 ms");
        for (SettingResults result : results) {
            addedLatencyRow(table, result, "half of max", result.halfLoadRecordsPerSecond(),
                    result.halfLoad(Route.DIRECT), result.halfLoad(Route.GATEWAY));
            addedLatencyRow(table, result, "light", result.lightLoadRecordsPerSecond(),
                    result.lightLoad(Route.DIRECT), result.lightLoad(Route.GATEWAY));
        }
        return table.toString();
    }

    private static void addedLatencyRow(MarkdownTable table, SettingResults result, String load, double rate,
                                        List<LatencySample> directRuns, List<LatencySample> gatewayRuns) {
        Percentiles direct = LatencyRecorder.pooled(directRuns.stream().map(s -> s.produce().latencies()).toList());
        Percentiles gateway = LatencyRecorder.pooled(gatewayRuns.stream().map(s -> s.produce().latencies()).toList());
        String byRound = IntStream.range(0, Math.min(directRuns.size(), gatewayRuns.size()))
                .mapToObj(i -> Units.signed(p99(gatewayRuns.get(i)) - p99(directRuns.get(i)), 2))
                .collect(Collectors.joining(", "));
        table.row(result.setting().label(), load,
                Units.fixed(rate, 0) + " records/s (" + Units.fixed(rate * 1024 / Units.MIB, 1) + " MiB/s)",
                Units.fixed(direct.p99Ms(), 2), Units.fixed(gateway.p99Ms(), 2),
                Units.signed(gateway.p99Ms() - direct.p99Ms(), 2), byRound,
                Units.signed(gateway.p50Ms() - direct.p50Ms(), 2));
    }

    private static double p99(LatencySample sample) {
        return sample.produce().latencies().percentiles().p99Ms();
    }

    private static String cpu(List<SettingResults> results) {
        MarkdownTable table = new MarkdownTable("setting", "phase", "direct CPU s/GiB", "gateway route CPU s/GiB",
                "difference s/GiB", "gateway I/O threads s/GiB");
        ToLongFunction<ProcessCpu.Snapshot> process = ProcessCpu.Snapshot::processNanos;
        ToLongFunction<ProcessCpu.Snapshot> gateway = ProcessCpu.Snapshot::gatewayNanos;
        for (SettingResults result : results) {
            cpuRow(table, result, "produce", result.produceCpuPerGib(Route.DIRECT, process),
                    result.produceCpuPerGib(Route.GATEWAY, process), result.produceCpuPerGib(Route.GATEWAY, gateway));
            cpuRow(table, result, "consume", result.consumeCpuPerGib(Route.DIRECT, process),
                    result.consumeCpuPerGib(Route.GATEWAY, process), result.consumeCpuPerGib(Route.GATEWAY, gateway));
            cpuRow(table, result, "both", result.totalCpuPerGib(Route.DIRECT, process),
                    result.totalCpuPerGib(Route.GATEWAY, process), result.totalCpuPerGib(Route.GATEWAY, gateway));
        }
        return table.toString();
    }

    private static void cpuRow(MarkdownTable table, SettingResults result, String phase, double direct,
                               double gatewayRoute, double gatewayThreads) {
        table.row(result.setting().label(), phase, Units.fixed(direct, 2), Units.fixed(gatewayRoute, 2),
                Units.fixed(gatewayRoute - direct, 2), Units.fixed(gatewayThreads, 2));
    }

    private static String each(List<ThroughputSample> samples, ToDoubleFunction<ThroughputSample> value, int decimals) {
        return samples.stream().map(s -> Units.fixed(value.applyAsDouble(s), decimals)).collect(Collectors.joining(", "));
    }

    /**
     * The geometric mean of the rounds' gateway/direct ratios. The routes take turns going first, so
     * over an even number of rounds a steady drift of the machine's speed (brokers still compiling,
     * other load fading) favours neither route; the ratio of the two routes' medians is exposed to it.
     */
    private static double pairedMean(List<ThroughputSample> direct, List<ThroughputSample> gateway,
                                     ToDoubleFunction<ThroughputSample> value) {
        int rounds = Math.min(direct.size(), gateway.size());
        double logSum = 0;
        for (int i = 0; i < rounds; i++) {
            logSum += Math.log(value.applyAsDouble(gateway.get(i)) / value.applyAsDouble(direct.get(i)));
        }
        return Math.exp(logSum / rounds);
    }

    /** Gateway over direct, round by round. */
    private static String paired(List<ThroughputSample> direct, List<ThroughputSample> gateway,
                                 ToDoubleFunction<ThroughputSample> value) {
        return IntStream.range(0, Math.min(direct.size(), gateway.size()))
                .mapToObj(i -> Units.fixed(value.applyAsDouble(gateway.get(i)) / value.applyAsDouble(direct.get(i)), 3))
                .collect(Collectors.joining(", "));
    }
}
