package io.kondo.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long and how often the benchmark measures.
 *
 * @param rounds       alternating direct/gateway rounds per measurement; by default four, an even number, so
 *                     each route goes first as often as the other and a steady drift favours neither
 * @param produceTime  length of one full-speed produce run
 * @param latencyTime  length of one rate-limited produce run (at half of the maximum load, and at the light rate)
 * @param lightRate    records per second of the light-load latency runs
 * @param warmupTime   length of the discarded warm-up produce run on each route; by default 45 s, because the
 *                     brokers' C2 compiler is still at work for a minute or more after they start
 * @param gatewayIoThreads the gateway's I/O threads
 * @param settings     the settings measured, in order
 * @param placement    processors for the brokers, the gateway and the clients, or empty to let them share every processor
 * @param output       where the markdown report is written
 */
record BenchOptions(int rounds, Duration produceTime, Duration latencyTime, double lightRate, Duration warmupTime,
                    int gatewayIoThreads, List<BenchSetting> settings, Optional<CpuPlacement> placement, Path output) {

    static final String USAGE = "usage: GatewayBenchmark [--rounds N] [--produce-seconds S] [--latency-seconds S]"
            + " [--light-rate RECORDS_PER_S] [--warmup-seconds S] [--gateway-io-threads N]"
            + " [--settings rf3,rf1] [--broker-cpus CPU_LIST [--gateway-cpus CPU_LIST]] [--out FILE]";

    /**
     * The gateway's I/O threads unless told otherwise: one. This machine class has two processors and
     * runs three brokers and the clients besides; one gateway thread cost a quarter to a third less CPU
     * per GiB produced than two or four (docs/benchmarks.md), as an operator would size it here.
     */
    static final int DEFAULT_GATEWAY_IO_THREADS = 1;

    BenchOptions {
        if (rounds < 1 || produceTime.isNegative() || produceTime.isZero() || latencyTime.isNegative()
                || latencyTime.isZero() || !(lightRate > 0) || warmupTime.isNegative() || warmupTime.isZero()
                || gatewayIoThreads < 1) {
            throw new IllegalArgumentException("rounds, durations and threads must be positive");
        }
    }

    static BenchOptions parse(String[] args) {
        int rounds = 4;
        long produceSeconds = 15;
        long latencySeconds = 10;
        double lightRate = 1_000;
        long warmupSeconds = 45;
        int gatewayIoThreads = DEFAULT_GATEWAY_IO_THREADS;
        List<BenchSetting> settings = BenchSetting.all();
        Optional<String> brokerCpus = Optional.empty();
        Optional<String> gatewayCpus = Optional.empty();
        Path output = Path.of("gateway-bench.md");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i] + "\n" + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--produce-seconds" -> produceSeconds = Long.parseLong(value);
                case "--latency-seconds" -> latencySeconds = Long.parseLong(value);
                case "--light-rate" -> lightRate = Double.parseDouble(value);
                case "--warmup-seconds" -> warmupSeconds = Long.parseLong(value);
                case "--gateway-io-threads" -> gatewayIoThreads = Integer.parseInt(value);
                case "--settings" -> settings = BenchSetting.named(value);
                case "--broker-cpus" -> brokerCpus = Optional.of(value);
                case "--gateway-cpus" -> gatewayCpus = Optional.of(value);
                case "--out" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (gatewayCpus.isPresent() && brokerCpus.isEmpty()) {
            throw new IllegalArgumentException("--gateway-cpus needs --broker-cpus: the clients get the processors given to neither\n"
                    + USAGE);
        }
        int processors = Runtime.getRuntime().availableProcessors();
        Optional<String> gatewayList = gatewayCpus;
        Optional<CpuPlacement> placement = brokerCpus.map(list -> CpuPlacement.of(list, gatewayList, processors));
        return new BenchOptions(rounds, Duration.ofSeconds(produceSeconds), Duration.ofSeconds(latencySeconds), lightRate,
                Duration.ofSeconds(warmupSeconds), gatewayIoThreads, settings, placement, output);
    }
}
