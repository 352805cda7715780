package io.kondo.bench;

import io.kondo.bench.BenchPlatform.RunningGateway;
import io.kondo.bench.SettingResults.LatencySample;
import io.kondo.bench.SettingResults.ThroughputSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures one setting: a gateway with the setting's topic policy, a warm-up on each route, then
 * rounds of full-speed runs, rounds of rate-limited runs at half of the lower route's full speed, and
 * rounds at a light fixed rate; the routes alternate (direct first in odd rounds, gateway first in
 * even ones) so drift and background load fall on both alike.
 */
final class SettingBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SettingBenchmark.class);

    private final BenchPlatform platform;
    private final BenchSetting setting;
    private final BenchOptions options;
    private final Payloads payloads;
    private final BenchTopics topics;
    private final LoadWatch load;

    SettingBenchmark(BenchPlatform platform, BenchSetting setting, BenchOptions options, Payloads payloads, LoadWatch load) {
        this.platform = platform;
        this.setting = setting;
        this.options = options;
        this.payloads = payloads;
        this.topics = new BenchTopics(platform.backingAdmin());
        this.load = load;
    }

    SettingResults run() throws Exception {
        try (RunningGateway gateway = platform.startGateway(setting.topicPolicy(), options.gatewayIoThreads())) {
            Map<Route, Endpoint> endpoints = new EnumMap<>(Route.class);
            endpoints.put(Route.DIRECT, platform.direct());
            endpoints.put(Route.GATEWAY, gateway.endpoint());
            for (Route route : Route.values()) {
                throughputRun(endpoints.get(route), 0, "warmup", options.warmupTime());
            }
            // Every I/O thread the warm-up needed has started by now; pin any a non-gateway thread started.
            gateway.placeThreads();
            List<ThroughputSample> throughput = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                for (Route route : order(round)) {
                    throughput.add(throughputRun(endpoints.get(route), round, "r" + round, options.produceTime()));
                }
            }
            double maxRate = Math.min(median(throughput, Route.DIRECT), median(throughput, Route.GATEWAY));
            double halfRate = maxRate / 2;
            List<LatencySample> halfLoad = latencyRounds(endpoints, "half", halfRate);
            List<LatencySample> lightLoad = latencyRounds(endpoints, "light", options.lightRate());
            double throttleMs = gateway.throttleMs();
            LOG.info("Gateway quotas over the setting: setting={} throttleMs={}", setting.name(), throttleMs);
            return new SettingResults(setting, throughput, halfRate, halfLoad, options.lightRate(), lightLoad, throttleMs);
        }
    }

    private static List<Route> order(int round) {
        return round % 2 == 1 ? List.of(Route.DIRECT, Route.GATEWAY) : List.of(Route.GATEWAY, Route.DIRECT);
    }

    private static double median(List<ThroughputSample> samples, Route route) {
        return Units.median(samples.stream().filter(s -> s.route() == route)
                .mapToDouble(s -> s.produce().recordsPerSecond()).toArray());
    }

    private ThroughputSample throughputRun(Endpoint endpoint, int round, String tag, Duration duration) throws Exception {
        String name = setting.name() + "-" + tag + "-" + endpoint.route().label();
        topics.create(endpoint, name, setting);
        String topic = endpoint.clientTopic(name);
        ProduceResult produce = new ProducerRun(endpoint, setting, payloads).atFullSpeed(topic, duration);
        ConsumeResult consume = new ConsumerRun(endpoint).readAll(topic, produce.records());
        topics.delete(endpoint, name);
        LOG.info("Throughput run: setting={} run={} route={} produceMiBps={} produceCpuS={} produceGatewayCpuS={}"
                        + " recordsPerRequest={} consumeMiBps={} consumeCpuS={} consumeGatewayCpuS={} load={}", setting.label(), tag,
                endpoint.route().label(), Units.fixed(produce.mibPerSecond(), 1),
                Units.fixed(produce.cpu().processNanos() / 1e9, 2), Units.fixed(produce.cpu().gatewayNanos() / 1e9, 2),
                Units.fixed(produce.recordsPerRequest(), 1),
                Units.fixed(consume.mibPerSecond(), 1), Units.fixed(consume.cpu().processNanos() / 1e9, 2),
                Units.fixed(consume.cpu().gatewayNanos() / 1e9, 2), Units.fixed(load.sample(), 2));
        return new ThroughputSample(round, endpoint.route(), produce, consume);
    }

    private List<LatencySample> latencyRounds(Map<Route, Endpoint> endpoints, String level, double recordsPerSecond)
            throws Exception {
        LOG.info("Latency runs: setting={} level={} recordsPerSecond={}", setting.label(), level,
                Units.fixed(recordsPerSecond, 0));
        List<LatencySample> samples = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            for (Route route : order(round)) {
                samples.add(latencyRun(endpoints.get(route), level, round, recordsPerSecond));
            }
        }
        return samples;
    }

    private LatencySample latencyRun(Endpoint endpoint, String level, int round, double recordsPerSecond) throws Exception {
        String name = setting.name() + "-" + level + "-r" + round + "-" + endpoint.route().label();
        topics.create(endpoint, name, setting);
        ProduceResult produce = new ProducerRun(endpoint, setting, payloads)
                .atRate(endpoint.clientTopic(name), options.latencyTime(), recordsPerSecond);
        topics.delete(endpoint, name);
        LatencyRecorder.Percentiles latency = produce.latencies().percentiles();
        LOG.info("Latency run: setting={} level={} round={} route={} recordsPerSecond={} p50Ms={} p99Ms={} load={}",
                setting.label(), level, round, endpoint.route().label(), Units.fixed(produce.recordsPerSecond(), 0),
                Units.fixed(latency.p50Ms(), 2), Units.fixed(latency.p99Ms(), 2), Units.fixed(load.sample(), 2));
        return new LatencySample(round, endpoint.route(), produce);
    }
}
