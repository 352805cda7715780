package io.kondo.bench;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Everything measured for one setting.
 *
 * @param setting                  the setting
 * @param throughput               full-speed produce and consume runs, in the order they ran
 * @param halfLoadRecordsPerSecond the rate of the latency runs: half of the lower route's median full-speed rate
 * @param halfLoad                 produce runs at that rate, in the order they ran
 * @param lightLoadRecordsPerSecond the rate of the light-load latency runs
 * @param lightLoad                produce runs at that rate, in the order they ran
 */
record SettingResults(BenchSetting setting, List<ThroughputSample> throughput, double halfLoadRecordsPerSecond,
                      List<LatencySample> halfLoad, double lightLoadRecordsPerSecond, List<LatencySample> lightLoad,
                      double gatewayThrottleMs) {

    /** One full-speed produce run and the consume run that read back what it wrote. */
    record ThroughputSample(int round, Route route, ProduceResult produce, ConsumeResult consume) {
    }

    /** One rate-limited produce run. */
    record LatencySample(int round, Route route, ProduceResult produce) {
    }

    List<ThroughputSample> throughput(Route route) {
        return throughput.stream().filter(s -> s.route() == route).toList();
    }

    List<LatencySample> halfLoad(Route route) {
        return halfLoad.stream().filter(s -> s.route() == route).toList();
    }

    List<LatencySample> lightLoad(Route route) {
        return lightLoad.stream().filter(s -> s.route() == route).toList();
    }

    double medianProduceMib(Route route) {
        return Units.median(throughput(route).stream().mapToDouble(s -> s.produce().mibPerSecond()).toArray());
    }

    double medianProduceRecords(Route route) {
        return Units.median(throughput(route).stream().mapToDouble(s -> s.produce().recordsPerSecond()).toArray());
    }

    double medianConsumeMib(Route route) {
        return Units.median(throughput(route).stream().mapToDouble(s -> s.consume().mibPerSecond()).toArray());
    }

    double medianConsumeRecords(Route route) {
        return Units.median(throughput(route).stream().mapToDouble(s -> s.consume().recordsPerSecond()).toArray());
    }

    double produceRatio() {
        return medianProduceMib(Route.GATEWAY) / medianProduceMib(Route.DIRECT);
    }

    double consumeRatio() {
        return medianConsumeMib(Route.GATEWAY) / medianConsumeMib(Route.DIRECT);
    }

    /** CPU seconds per GiB produced on {@code route}, of this process or of the gateway's threads ({@code which}). */
    double produceCpuPerGib(Route route, ToLongFunction<ProcessCpu.Snapshot> which) {
        List<ThroughputSample> samples = throughput(route);
        return Units.cpuSecondsPerGib(samples.stream().mapToLong(s -> which.applyAsLong(s.produce().cpu())).sum(),
                samples.stream().mapToLong(s -> s.produce().bytes()).sum());
    }

    /** CPU seconds per GiB consumed on {@code route}, of this process or of the gateway's threads ({@code which}). */
    double consumeCpuPerGib(Route route, ToLongFunction<ProcessCpu.Snapshot> which) {
        List<ThroughputSample> samples = throughput(route);
        return Units.cpuSecondsPerGib(samples.stream().mapToLong(s -> which.applyAsLong(s.consume().cpu())).sum(),
                samples.stream().mapToLong(s -> s.consume().bytes()).sum());
    }

    /** CPU seconds per GiB produced or consumed on {@code route}, of this process or of the gateway's threads. */
    double totalCpuPerGib(Route route, ToLongFunction<ProcessCpu.Snapshot> which) {
        List<ThroughputSample> samples = throughput(route);
        return Units.cpuSecondsPerGib(
                samples.stream().mapToLong(s -> which.applyAsLong(s.produce().cpu()) + which.applyAsLong(s.consume().cpu())).sum(),
                samples.stream().mapToLong(s -> s.produce().bytes() + s.consume().bytes()).sum());
    }
}
