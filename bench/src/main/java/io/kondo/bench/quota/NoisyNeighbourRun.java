package io.kondo.bench.quota;

import io.kondo.bench.LatencyRecorder;
import io.kondo.gateway.Gateway;
import io.kondo.gateway.quota.QuotaKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quiet tenant producing at a modest fixed rate, its send-to-ack latency measured in windows
 * alone and while a neighbour pushes ten times its own produce quota (throttled by it). The two
 * conditions alternate over the rounds (alone first in even rounds, with the neighbour first in odd
 * ones), so drift and background load fall on both alike. Both tenants' topics have their leader on
 * the same broker and go through the same gateway.
 */
final class NoisyNeighbourRun {

    private static final Logger LOG = LoggerFactory.getLogger(NoisyNeighbourRun.class);
    private static final Duration QUIET_WARM_UP = Duration.ofSeconds(10);

    /** Whether the neighbour was pushing during a window. */
    enum Condition { ALONE, WITH_NEIGHBOUR }

    /**
     * One measured window.
     *
     * @param round             the round, from 0
     * @param condition         alone or with the neighbour
     * @param quiet             the quiet tenant's latencies in the window
     * @param neighbourOffered  bytes/s the neighbour handed to {@code send()} (its producer blocks on a full buffer), or 0
     * @param neighbourAcked    bytes/s of the neighbour's records acknowledged, or 0
     * @param neighbourThrottleMs throttle time the gateway asked of the neighbour during the window
     */
    record Window(int round, Condition condition, LatencyRecorder quiet, double neighbourOffered, double neighbourAcked,
                  long neighbourThrottleMs) {
    }

    /**
     * @param quietRate        records/s the quiet tenant sends
     * @param neighbourQuota   the neighbour's produce quota, bytes/s
     * @param neighbourPace    bytes/s the neighbour tries to send
     * @param windows          every window, in the order run
     * @param failures         records of the quiet tenant that failed (any of the neighbour's fail the run)
     */
    record Result(double quietRate, long neighbourQuota, double neighbourPace, List<Window> windows, long failures) {

        LatencyRecorder.Percentiles pooled(Condition condition) {
            return LatencyRecorder.pooled(windows.stream().filter(w -> w.condition() == condition).map(Window::quiet).toList());
        }

        /** Pooled p99 with the neighbour over pooled p99 alone. */
        double p99Ratio() {
            return pooled(Condition.WITH_NEIGHBOUR).p99Ms() / pooled(Condition.ALONE).p99Ms();
        }

        /** Per round: p99 with over p99 alone. */
        List<Double> p99RatiosByRound() {
            List<Double> ratios = new ArrayList<>();
            int rounds = windows.stream().mapToInt(Window::round).max().orElse(-1) + 1;
            for (int round = 0; round < rounds; round++) {
                ratios.add(p99(round, Condition.WITH_NEIGHBOUR) / p99(round, Condition.ALONE));
            }
            return ratios;
        }

        private double p99(int round, Condition condition) {
            return windows.stream().filter(w -> w.round() == round && w.condition() == condition).findFirst()
                    .orElseThrow().quiet().percentiles().p99Ms();
        }
    }

    private final Gateway gateway;
    private final Duration measured;
    private final Duration leadIn;
    private final Duration gap;
    private final int recordBytes;

    /**
     * @param leadIn how long the neighbour pushes before a window with it starts (its first burst passes)
     * @param gap    how long after the neighbour stops before the next window
     */
    NoisyNeighbourRun(Gateway gateway, Duration measured, Duration leadIn, Duration gap, int recordBytes) {
        this.gateway = gateway;
        this.measured = measured;
        this.leadIn = leadIn;
        this.gap = gap;
        this.recordBytes = recordBytes;
    }

    Result run(BenchTenant quiet, BenchTenant neighbour, String topic, double quietRate, long neighbourQuota,
               double neighbourFactor, int rounds) throws Exception {
        double pace = neighbourQuota * neighbourFactor;
        List<Window> windows = new ArrayList<>();
        ProduceLoad quietLoad = new ProduceLoad("quiet", ClientProfiles.throttledProducer(
                quiet.client(gateway.bootstrapPort()), "quiet-producer"), topic, recordBytes, quietRate).start();
        try {
            ProduceLoad.sleep(QUIET_WARM_UP);
            for (int round = 0; round < rounds; round++) {
                List<Condition> order = round % 2 == 0
                        ? List.of(Condition.ALONE, Condition.WITH_NEIGHBOUR)
                        : List.of(Condition.WITH_NEIGHBOUR, Condition.ALONE);
                for (Condition condition : order) {
                    if (condition == Condition.ALONE) {
                        windows.add(alone(round, quietLoad));
                    } else {
                        Window with = withNeighbour(round, quietLoad, neighbour, topic, pace);
                        windows.add(with);
                        ProduceLoad.sleep(gap);
                    }
                    LOG.info("Noisy neighbour window: round={} condition={} quiet={} neighbourAcked={} B/s",
                            round, condition, windows.get(windows.size() - 1).quiet().percentiles(),
                            Math.round(windows.get(windows.size() - 1).neighbourAcked()));
                }
            }
        } finally {
            quietLoad.close();
        }
        return new Result(quietRate, neighbourQuota, pace, windows, quietLoad.failures());
    }

    private Window alone(int round, ProduceLoad quietLoad) throws InterruptedException {
        LatencyRecorder samples = new LatencyRecorder();
        quietLoad.latencies(samples);
        ProduceLoad.sleep(measured);
        quietLoad.latencies(null);
        return new Window(round, Condition.ALONE, samples, 0, 0, 0);
    }

    private Window withNeighbour(int round, ProduceLoad quietLoad, BenchTenant neighbour, String topic, double pace)
            throws Exception {
        ProduceLoad noisy = new ProduceLoad("neighbour-" + round, ClientProfiles.throttledProducer(
                neighbour.client(gateway.bootstrapPort()), "neighbour-producer"), topic, recordBytes, pace / recordBytes);
        Window window;
        try (noisy) {
            noisy.start();
            ProduceLoad.sleep(leadIn);
            LatencyRecorder samples = new LatencyRecorder();
            long offeredBefore = noisy.attemptedBytes();
            long ackedBefore = noisy.ackedBytes();
            long throttleBefore = throttleMs(neighbour);
            quietLoad.latencies(samples);
            ProduceLoad.sleep(measured);
            quietLoad.latencies(null);
            double seconds = measured.toNanos() / 1e9;
            window = new Window(round, Condition.WITH_NEIGHBOUR, samples, (noisy.attemptedBytes() - offeredBefore) / seconds,
                    (noisy.ackedBytes() - ackedBefore) / seconds, throttleMs(neighbour) - throttleBefore);
        }
        if (noisy.failures() > 0) {
            throw new IllegalStateException(noisy.failures() + " of the neighbour's records failed");
        }
        return window;
    }

    private long throttleMs(BenchTenant tenant) {
        return gateway.quotaUsage(tenant.id()).map(u -> u.throttleTimeMs(QuotaKind.PRODUCE)).orElse(0L);
    }
}
